// End-to-end: through a whole working session the page requests nothing
// outside its own origin (no analytics, fonts, CDNs or uploads).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, expectText } from './browser.mjs';
import { idbWaitFor } from './idb.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('a full session stays on the page origin', async () => {
  const { page, context, requests, errors } = await env.open({ locale: 'zh-CN' });
  // Paste and import.
  await page.locator('.grid-wrap').focus();
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
  }, '客服昵称\t分组\t询单人数\t询单转化率\t首次响应时间\n甲\t售前\t100\t46%\t32\n乙\t售前\t80\t38%\t50\n');
  await page.getByRole('button', { name: '确认导入 2 名客服' }).click();
  // A formula column, a plan edit, scores and "why".
  await page.getByRole('button', { name: '+ 客服销售额(公式)' }).click();
  await page.getByRole('tab', { name: '考核方案' }).click();
  await page.getByRole('button', { name: '+ 空白方案' }).click();
  await page.getByRole('tab', { name: '成绩' }).click();
  await page.getByTestId('score-row-0').click();
  await expectText(page.getByTestId('why').locator('h3'), '为什么是这个分数：甲');
  // Exports and the workbook file are downloads from Blob URLs.
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出成绩 CSV' }).click()]);
  await page.getByRole('tab', { name: '数据' }).click();
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存工作簿文件' }).click()]);
  // QA, language switch, reload (autosave restore).
  await page.getByRole('tab', { name: '质检' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await idbWaitFor(page, 'kpi-sandbox.autosave', '{');
  await page.reload();
  await page.getByRole('grid').waitFor();
  const off = requests.filter((u) => !u.startsWith(env.origin + '/') && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(off, [], 'no request left the origin');
  assert.ok(requests.length > 0);
  assert.deepEqual(errors, []);
  await context.close();
});
