// End-to-end: paste a TSV through the clipboard, open a GBK CSV and a refused
// .xls through the file input, confirm, cancel and undo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { start, expectText } from './browser.mjs';

let env;
before(async () => { env = await start(); mkdirSync('screenshots', { recursive: true }); });
after(async () => { await env?.close(); });

const TSV = '客服昵称\t分组\t询单人数\t询单转化率\t首次响应时间\n甲\t售前\t100\t46%\t32秒\n乙\t售后\t80\t0.5\t1分20秒\n汇总\t\t180\t48%\t\n';

/** Fires a real paste event carrying `text`, as Ctrl+V from Excel does. */
async function paste(page, text) {
  await page.locator('.grid-wrap').focus();
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
  }, text);
}

test('paste a TSV: preview, confirm, summary row gone, undo restores', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN' });
  await paste(page, TSV);
  const preview = page.getByTestId('import-preview');
  await expectText(preview.getByTestId('import-rows'), '2 名客服，5 列');
  await expectText(preview.getByTestId('import-dropped'), '已忽略汇总行：汇总');
  // Cancel changes nothing.
  await preview.getByRole('button', { name: '取消' }).click();
  await expectText(page.getByTestId('counts'), '30 名客服 · 19 列');
  // Paste again and confirm.
  await paste(page, TSV);
  await page.getByRole('button', { name: '确认导入 2 名客服' }).click();
  await expectText(page.getByTestId('counts'), '2 名客服 · 5 列');
  await expectText(page.locator('#cell-0-0'), '甲');
  await expectText(page.locator('#cell-1-3'), '50.00%');   // 0.5 in a column where 46% has a sign: fraction
  await expectText(page.locator('#cell-1-4'), '80秒');
  assert.equal(await page.locator('table.grid tbody tr').count(), 2, 'the summary row is not an agent');
  // One undo restores the demo team.
  await page.getByRole('button', { name: '撤销' }).click();
  await expectText(page.getByTestId('counts'), '30 名客服 · 19 列');
  assert.deepEqual(errors, []);
  await context.close();
});

test('open a GBK CSV from 千牛 and a refused .xls', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN' });
  const input = page.getByLabel('打开文件');
  await input.setInputFiles('tests/fixtures/imports/old.xls');
  await expectText(page.getByTestId('import-preview'), /不支持旧版 \.xls 文件/);
  await page.getByRole('button', { name: '关闭' }).click();
  await input.setInputFiles('tests/fixtures/imports/qianniu_gbk.csv');
  const preview = page.getByTestId('import-preview');
  await expectText(preview, /编码：GBK\/GB18030/);
  await expectText(preview.getByTestId('import-dropped'), '已忽略汇总行：平均');
  await page.screenshot({ path: 'screenshots/import-preview-zh.png', fullPage: true });
  await page.getByRole('button', { name: '确认导入 3 名客服' }).click();
  await expectText(page.locator('#cell-0-0'), '店铺:小雨');
  await expectText(page.locator('#cell-0-4'), '46.21%');
  await expectText(page.locator('#cell-0-5'), '¥1,234.50');
  await expectText(page.locator('#cell-0-7'), '80秒');
  assert.equal(await page.locator('table.grid tbody tr').count(), 3);
  assert.deepEqual(errors, []);
  await context.close();
});
