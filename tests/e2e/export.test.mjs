// End-to-end: CSV exports download real files; a saved workbook opens in a
// fresh browser with the same scores.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { start, expectText } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function download(page, button) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = join(mkdtempSync(join(tmpdir(), 'kpi-')), d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), path };
}

test('export team data and scores as CSV', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN' });
  const team = await download(page, '导出 CSV');
  assert.equal(team.name, '团队数据-2026-11.csv');
  const text = readFileSync(team.path, 'utf8');
  assert.ok(text.startsWith('\ufeff客服昵称,分组,'), 'UTF-8 with BOM, Chinese headers');
  assert.match(text, /询单转化率 \(%\)/);
  assert.match(text.split('\r\n')[1], /^小雨,售前,1584,1576,1404,453,32\.26,254\.79,113919\.41,1\.3,30\.1,/);
  await page.getByRole('tab', { name: '成绩' }).click();
  const scores = await download(page, '导出成绩 CSV');
  assert.equal(scores.name, '成绩-售前考核方案-2026-11.csv');
  const lines = readFileSync(scores.path, 'utf8').split('\r\n').filter(Boolean);
  assert.equal(lines.length, 21, 'header + 20 pre-sales agents');
  assert.ok(lines[1].startsWith('1,'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('export the workbook as .xlsx and open it again through the file input', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN' });
  const file = await download(page, '导出 Excel 工作簿');
  assert.equal(file.name, '客服绩效沙盘-2026-11.xlsx');
  const bytes = readFileSync(file.path);
  assert.equal(bytes.subarray(0, 4).toString('hex'), '504b0304', 'a zip');
  assert.ok(bytes.length > 10000, `${bytes.length} bytes`);
  await page.getByLabel('打开文件').setInputFiles(file.path);
  // The preview's code may still be on its way (a chunk of its own).
  await page.locator('#import-sheet').waitFor({ timeout: 10_000 });
  const options = await page.locator('#import-sheet option').allInnerTexts();
  assert.deepEqual(options.slice(0, 3), ['团队数据-2026-11（31 行）', '考核方案（13 行）', '成绩-售前考核方案（21 行）']);
  assert.equal(options.at(-1).startsWith('说明'), true);
  await expectText(page.getByTestId('import-preview').getByTestId('import-rows'), '30 名客服，19 列');
  await page.getByRole('button', { name: '取消' }).click();
  assert.deepEqual(errors, []);
  await context.close();
});

test('save the workbook, open it in a fresh browser, see the same scores', async () => {
  const a = await env.open({ locale: 'zh-CN' });
  await a.page.locator('#cell-0-6').click();
  await a.page.keyboard.type('55');
  await a.page.keyboard.press('Enter');
  await a.page.getByRole('tab', { name: '成绩' }).click();
  const total = await a.page.getByTestId('total-0').innerText();
  await a.page.getByRole('tab', { name: '数据' }).click();
  const file = await download(a.page, '保存工作簿文件');
  assert.equal(file.name, '客服绩效沙盘-2026-11.json');
  await a.context.close();

  const b = await env.open({ locale: 'zh-CN' });
  await b.page.getByLabel('打开文件').setInputFiles(file.path);
  await expectText(b.page.getByTestId('import-preview'), /工作簿文件：1 个月份（当前 2026-11），2 个考核方案/);
  await b.page.getByRole('button', { name: '打开此工作簿' }).click();
  await expectText(b.page.locator('#cell-0-6'), '55.00%');
  await b.page.getByRole('tab', { name: '成绩' }).click();
  await expectText(b.page.getByTestId('total-0'), total);
  // A damaged file is refused with the path of the problem; nothing changes.
  const bad = file.path.replace('.json', '-bad.json');
  writeFileSync(bad, readFileSync(file.path, 'utf8').replace(/"version":\d+/, '"version":9'));
  await b.page.getByRole('tab', { name: '数据' }).click();
  await b.page.getByLabel('打开文件').setInputFiles(bad);
  // The version this build writes is the one the refusal names.
  const current = readFileSync(file.path, 'utf8').match(/"version":(\d+)/)[1];
  assert.equal(current, readFileSync('src/io/scenario/mod.rs', 'utf8').match(/pub const VERSION: u32 = (\d+);/)[1]);
  await expectText(b.page.getByTestId('import-preview'), new RegExp(`version：文件版本 9 比本程序支持的版本 ${current} 新`));
  assert.deepEqual(b.errors, []);
  await b.context.close();
});
