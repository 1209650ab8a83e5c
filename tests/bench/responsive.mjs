// Responsiveness audit (issue 9): drives the built app in headless Chromium
// with a 10,000-agent team and reports, per interaction, the longest task
// that blocked the main thread (PerformanceObserver "longtask", > 50 ms).
// Not a test: it asserts nothing about time; figures go to BENCHMARKS.md.
import { start } from '../e2e/browser.mjs';

const env = await start();
const context = await env.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
await page.goto(env.url);
await page.getByRole('grid').waitFor();
await page.evaluate(() => {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
});
const rows = ['客服昵称\t分组\t询单人数\t询单转化率\t客单价\t客服销售额\t首次响应时间\t回复率\t客户满意度\t出勤天数\t质检得分'];
for (let i = 0; i < 10000; i++) {
  rows.push(`客服${String(i).padStart(5, '0')}\t${i % 3 ? '售前' : '售后'}\t${100 + (i % 900)}\t${(30 + (i % 25)).toFixed(2)}%\t${(100 + (i % 300) * 0.5).toFixed(2)}\t${20000 + (i % 97) * 1000}\t${20 + (i % 40)}\t${(90 + (i % 10)).toFixed(1)}%\t${(88 + (i % 12)).toFixed(1)}%\t${16 + (i % 11)}\t${70 + (i % 30)}`);
}
const tsv = rows.join('\n');

const results = [];
async function measure(label, fn) {
  await page.evaluate(() => { window.__long = []; });
  const t0 = Date.now();
  await fn();
  await page.waitForTimeout(400);
  const longs = await page.evaluate(() => window.__long);
  results.push([label, Math.max(0, ...longs), longs.length, Date.now() - t0 - 400]);
}

await measure('paste 10k × 11 (parse + preview)', async () => {
  await page.locator('.grid-wrap').focus();
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
  }, tsv);
  await page.getByTestId('import-preview').waitFor();
});
await measure('confirm the import', async () => {
  await page.getByRole('button', { name: /确认导入/ }).click();
  await page.locator('#cell-9999-0').count();
});
await measure('sort by 询单转化率', async () => { await page.getByRole('columnheader', { name: /询单转化率/ }).getByRole('button').click(); });
await measure('edit one cell', async () => {
  await page.locator('#cell-0-3').click();
  await page.keyboard.type('45');
  await page.keyboard.press('Enter');
});
await measure('open 成绩 (score 10k, first 100 rows)', async () => { await page.getByRole('tab', { name: '成绩' }).click(); await page.getByTestId('scores-table').waitFor(); });
await measure('show 100 more score rows', async () => { await page.getByRole('button', { name: /再显示/ }).click(); });
await measure('open 奖金 (payouts for 10k)', async () => { await page.getByRole('tab', { name: '奖金' }).click(); await page.getByTestId('pay-total').waitFor(); });
await measure('Monte Carlo 1,000 months × 10k agents (chunked)', async () => {
  await page.fill('#mc-months', '1000'); await page.press('#mc-months', 'Enter');
  await page.getByTestId('mc-run').click();
  await page.getByTestId('mc-result').waitFor({ timeout: 600_000 });
});
await measure('switch language', async () => { await page.getByRole('button', { name: 'English' }).click(); });

console.log(`Responsiveness (Chromium ${env.browser.version()}, 10,000 agents): longest main-thread task per interaction`);
for (const [label, max, n, ms] of results) {
  console.log(`  ${label.padEnd(52)} longest ${max.toFixed(0).padStart(5)} ms  (${n} long tasks, ${ms} ms in all)`);
}
await context.close();
await env.close();
