// End-to-end (#16): the forecast runs in Web Workers and says so; a stop
// keeps the previous result; a huge request is refused with the limit named;
// a worker that cannot start leaves the forecast to the page, with a notice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, expectText } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function setField(page, id, value) {
  await page.fill(id, value);
  await page.press(id, 'Enter');
}

test('forecast in workers: notice, stop keeps the result, months limit', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN' });
  await page.getByRole('tab', { name: '奖金' }).click();
  await setField(page, '#mc-months', '2000');
  await page.getByTestId('mc-run').click();
  await page.getByTestId('mc-result').waitFor({ timeout: 30000 });
  await expectText(page.getByTestId('mc-result'), /共模拟 2000 个月/, 30000);
  await expectText(page.getByTestId('mc-note'), /用 \d 个后台线程计算/);
  await expectText(page.getByTestId('mc-corr'), /各指标独立抽样/);
  const p50 = await page.getByTestId('mc-p50').innerText();
  await page.screenshot({ path: '/tmp/mc-panel.png', fullPage: false });

  // A long run stopped at once: the previous result stays.
  await setField(page, '#mc-months', '100000');
  await page.getByTestId('mc-run').click();
  await page.getByTestId('mc-cancel').click();
  await expectText(page.getByTestId('mc-p50'), p50);
  await expectText(page.getByTestId('mc-result'), /共模拟 2000 个月/);

  // 10^6 months: refused, the limit named.
  await setField(page, '#mc-months', '1000000');
  await page.getByTestId('mc-run').click();
  await expectText(page.getByTestId('mc-note'), /最多 100,000 个/);
  await expectText(page.getByTestId('mc-p50'), p50);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a worker that cannot start: the forecast runs on the page, with a notice', async () => {
  const { page, context, errors } = await env.open({ locale: 'en-US', serviceWorkers: 'block' });
  await page.route(/worker-[0-9a-f]+\.js$/, (r) => r.fulfill({ status: 404, body: 'gone' }));
  await page.getByRole('tab', { name: 'Payouts' }).click();
  await setField(page, '#mc-months', '500');
  await page.getByTestId('mc-run').click();
  await expectText(page.getByTestId('mc-note'), /could not start.*on this page/, 20000);
  await page.getByTestId('mc-result').waitFor({ timeout: 30000 });
  await expectText(page.getByTestId('mc-result'), /500 months simulated/, 30000);
  // The failed worker script is a console error of the browser's own; nothing else.
  assert.deepEqual(errors.filter((e) => !/worker|404|Failed to load/i.test(e)), []);
  await context.close();
});
