// End-to-end: paste a TSV through the clipboard, open a GBK CSV and a refused
// .xls (damaged: read and refused in the worker) through the file input,
// confirm, cancel and undo.
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
  await expectText(page.locator('#cell-1-4'), '80.0秒');
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
  await expectText(page.getByTestId('import-preview'), /无法读取该 \.xls 文件/, 10000);
  await page.getByRole('button', { name: '关闭' }).click();
  await input.setInputFiles('tests/fixtures/imports/qianniu_gbk.csv');
  const preview = page.getByTestId('import-preview');
  await expectText(preview, /编码：GBK\/GB18030/);
  await expectText(preview.getByTestId('import-dropped'), '已忽略汇总行：平均');
  await page.screenshot({ path: 'screenshots/import-preview-zh.png', fullPage: true });
  await page.getByRole('button', { name: '确认导入 3 名客服' }).click();
  // 千牛's 店铺:客服 names lose the shop part (the preview offers to keep it).
  await expectText(page.locator('#cell-0-0'), '小雨');
  await expectText(page.locator('#cell-0-4'), '46.21%');
  await expectText(page.locator('#cell-0-5'), '¥1,234.50');
  await expectText(page.locator('#cell-0-7'), '80.0秒');
  assert.equal(await page.locator('table.grid tbody tr').count(), 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('open an .xlsx with two sheets; a password-protected one is refused', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN' });
  const input = page.getByLabel('打开文件');
  await input.setInputFiles('tests/fixtures/imports/password.xlsx');
  await expectText(page.getByTestId('import-preview'), /该 \.xlsx 文件有密码保护/);
  await page.getByRole('button', { name: '关闭' }).click();
  await input.setInputFiles('tests/fixtures/imports/chitu.xlsx');
  const preview = page.getByTestId('import-preview');
  await expectText(preview, /Excel\/WPS 工作簿（\.xlsx）/);
  // The notes sheet is skipped: the data sheet is shown, and the other can be picked.
  const options = await page.locator('#import-sheet option').allInnerTexts();
  assert.deepEqual(options, ['说明（2 行）', '客服数据（5 行）']);
  assert.equal(await page.locator('#import-sheet').inputValue(), '1');
  await expectText(preview.getByTestId('import-rows'), '3 名客服，9 列');
  await expectText(preview.getByTestId('import-dropped'), '已忽略汇总行：合计');
  await page.selectOption('#import-sheet', '0');
  await expectText(preview, /找不到客服昵称列/);
  await page.selectOption('#import-sheet', '1');
  await page.getByRole('button', { name: '确认导入 3 名客服' }).click();
  await expectText(page.locator('#cell-0-0'), '小雨');
  await expectText(page.locator('#cell-0-3'), '46.21%');
  await expectText(page.locator('#cell-0-5'), '¥165,306.04');
  await expectText(page.locator('#cell-2-3'), '');
  assert.equal(await page.locator('table.grid tbody tr').count(), 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 10,000-agent paste renders a window of rows and stays navigable', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN' });
  const rows = ['客服昵称\t分组\t询单人数\t询单转化率\t客单价'];
  for (let i = 0; i < 10000; i++) rows.push(`客服${String(i).padStart(5, '0')}\t${i % 3 ? '售前' : '售后'}\t${100 + (i % 900)}\t${(30 + (i % 25)).toFixed(2)}%\t${(100 + (i % 300) * 0.5).toFixed(2)}`);
  const t0 = Date.now();
  await paste(page, rows.join('\n'));
  await page.getByRole('button', { name: '确认导入 10000 名客服' }).click();
  await expectText(page.getByTestId('counts'), '10000 名客服 · 5 列', 20000);
  console.log(`# paste + preview + import + render of 10,000 agents: ${Date.now() - t0} ms (informational)`);
  const rendered = await page.locator('table.grid tbody tr:not(.spacer)').count();
  assert.ok(rendered < 200, `only a window is rendered (${rendered} rows)`);
  await page.locator('#cell-0-0').click();
  await page.keyboard.press('Control+End');
  await expectText(page.locator('#cell-9999-4'), '¥149.50');   // 100 + (9999 % 300) × 0.5 = 149.5
  await expectText(page.locator('#cell-9999-0'), '客服09999');
  await page.keyboard.press('Control+Home');
  await expectText(page.locator('#cell-0-0'), '客服00000');
  assert.deepEqual(errors, []);
  await context.close();
});

test('import a second month; a month plan scores its own month', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN' });
  await paste(page, TSV);
  await page.getByLabel('导入为月份').fill('2026-10');
  await page.getByRole('button', { name: '确认导入 2 名客服' }).click();
  await expectText(page.getByTestId('counts'), '2 名客服 · 5 列');
  const months = await page.getByLabel('月份', { exact: true }).locator('option').allInnerTexts();
  assert.deepEqual(months, ['2026-10（当前）', '2026-11']);
  // The 售前 plan is for 2026-11: it scores November's 20 售前 agents, not October's.
  await page.getByRole('tab', { name: '成绩' }).click();
  await expectText(page.getByTestId('scores-month'), '数据月份：2026-11');
  assert.equal(await page.getByTestId('scores-table').locator('tbody tr').count(), 20);
  // Switch back to November in the data workspace.
  await page.getByRole('tab', { name: '数据' }).click();
  await page.getByLabel('月份', { exact: true }).selectOption('2026-11');
  await expectText(page.getByTestId('counts'), '30 名客服 · 19 列');
  assert.deepEqual(errors, []);
  await context.close();
});
