// End-to-end: copy a share link, open it in a fresh browser context and see
// the same scores; a damaged link is refused with a message and changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, expectText } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function fresh(url) {
  const context = await env.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await page.getByRole('grid').waitFor();
  return { context, page, errors, requests };
}

test('a share link opens in a fresh browser with the same scores', async () => {
  const a = await env.open({ locale: 'zh-CN' });
  // Make the workbook differ from the demo: 小雨's conversion becomes 55 %.
  await a.page.locator('#cell-0-6').click();
  await a.page.keyboard.type('55');
  await a.page.keyboard.press('Enter');
  await a.page.getByRole('tab', { name: '成绩' }).click();
  const total = await a.page.getByTestId('total-0').innerText();
  await a.page.getByRole('tab', { name: '数据' }).click();
  await a.page.getByTestId('share-open').click();
  const link = await a.page.getByTestId('share-link').inputValue();
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/kpi-sandbox\/sub\/(index\.html)?#share=1\.[A-Za-z0-9_-]+$/);
  await expectText(a.page.getByTestId('share-length'), `链接长度 ${link.length} 个字符`);
  assert.equal(await a.page.getByTestId('share-too-long').count(), link.length > 2000 ? 1 : 0);
  // Plans only is short enough for chat apps.
  await a.page.locator('#share-plans').check();
  const short = await a.page.getByTestId('share-link').inputValue();
  assert.ok(short.length < 2000 && short.length < link.length, `${short.length}`);
  await a.context.close();

  const b = await fresh(link);
  await expectText(b.page.getByTestId('link-summary'), /链接包含工作簿：1 个月份（当前 2026-11），30 名客服，2 个考核方案，1 个奖金方案，0 个场景/);
  assert.ok(!b.page.url().includes('#share='), 'the link is taken out of the address');
  await b.page.getByTestId('link-open').click();
  await expectText(b.page.locator('#cell-0-6'), '55.00%');
  await b.page.getByRole('tab', { name: '成绩' }).click();
  await expectText(b.page.getByTestId('total-0'), total);
  assert.deepEqual(b.errors, []);
  const origin = new URL(link).origin;
  assert.deepEqual(b.requests.filter((u) => !u.startsWith(origin)), [], 'nothing leaves the origin');
  await b.context.close();
});

test('a damaged or cut-off link is refused and nothing changes', async () => {
  const a = await env.open({ locale: 'zh-CN' });
  await a.page.getByTestId('share-open').click();
  const link = await a.page.getByTestId('share-link').inputValue();
  await a.context.close();
  const i = link.length - 40;
  const flipped = link.slice(0, i) + (link[i] === 'A' ? 'B' : 'A') + link.slice(i + 1);
  for (const [bad, message] of [
    [flipped, /链接数据已损坏|链接不完整或被改动/],
    [link.slice(0, link.indexOf('.', link.indexOf('#')) + 301), /链接不完整或被改动|链接数据已损坏/],
    [link.replace('#share=1.', '#share=9.'), /链接来自更新版本的程序（链接版本 9，本程序支持 1）/],
  ]) {
    const b = await fresh(bad);
    await expectText(b.page.locator('.notice'), message);
    assert.equal(await b.page.getByTestId('link-prompt').count(), 0);
    await expectText(b.page.locator('#cell-0-6'), '32.26%');
    assert.deepEqual(b.errors, []);
    await b.context.close();
  }
});
