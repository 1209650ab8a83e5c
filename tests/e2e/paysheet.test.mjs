// End-to-end: the pay sheet (绩效工资表) and the statements (个人绩效明细) on
// the demo team — build 底薪 + bonus + 全勤奖 + a QA deduction + a 红线 veto,
// trace a cell to its statement line, print everyone one per page, download
// the pay sheet and the statements as .xlsx and open them again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { start, expectText } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const yuan = (s) => Number(s.replace(/[¥,\s]/g, ''));
const fmt = (v) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

async function download(page, testid) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = join(mkdtempSync(join(tmpdir(), 'kpi-ps-')), d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), path };
}

test('pay sheet: lines, veto, statement, print everyone, xlsx out and back in', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
  await page.getByRole('tab', { name: '奖金' }).click();
  // The bonus of the four 售前 agents with exactly 3 中差评 (小雨, 安然, 一诺,
  // 悠悠: rows 0, 6, 7, 10), from the payout table.
  const vetoed = [0, 6, 7, 10];
  let vetoedBonus = 0;
  for (const r of vetoed) vetoedBonus += yuan(await page.getByTestId(`pay-${r}`).innerText());
  await expectText(page.getByTestId('pay-total'), '¥16,080');

  await page.getByTestId('ps-add-0').click(); // 底薪 ¥3,000 (the demo has no 底薪 column)
  await page.getByTestId('ps-add-1').click(); // 全勤奖 ¥200 when 出勤天数 ≥ 22
  await page.getByTestId('ps-add-4').click(); // 质检扣款 (90 − 质检得分) × ¥10, at most ¥200
  await page.getByTestId('ps-add-veto').click();
  // The veto names a 红线 column the demo lacks: reported, then pointed at 中差评数 = 3.
  await expectText(page.getByTestId('ps-issues'), /找不到列「红线」/);
  await page.selectOption('#ps-0-vcol-0', '中差评数');
  await page.fill('#ps-0-vfind-0', '3');
  await page.press('#ps-0-vfind-0', 'Tab');
  // By hand from the demo TSV (20 售前 agents): 底薪 20 × 3,000 = 60,000;
  // 16 agents with ≥ 22 days → 全勤奖 3,200; QA deductions 1,316 (e.g. 小雨
  // 77.3 → 127, 小桃 75.4 → 146, 小鹿 75.6 → 144); bonus 16,080 less the vetoed.
  const total = 16080 - vetoedBonus + 60000 + 3200 - 1316;
  await expectText(page.getByTestId('ps-summary'), new RegExp(`^20 人，应发合计 ¥${fmt(total)}`));
  await expectText(page.getByTestId('ps-cell-0-1'), '0.00'); // 小雨's bonus, vetoed
  await expectText(page.getByTestId('ps-cell-0-4'), '-127.00');
  await expectText(page.getByTestId('ps-table').locator('tfoot tr').first().locator('td').nth(1), fmt(60000));

  await page.getByTestId('paysheet').screenshot({ path: 'screenshots/paysheet-zh.png' });
  // Sort by 应发合计 (column 8: 客服, 绩效奖金, 3 lines, 3 subtotals; descending first), filter by name.
  await page.getByTestId('ps-sort-8').click();
  const first = await page.getByTestId('ps-table').locator('tbody tr').first().locator('td').nth(7).innerText();
  const last = await page.getByTestId('ps-table').locator('tbody tr').last().locator('td').nth(7).innerText();
  assert.ok(yuan(first) >= yuan(last), `${first} ≥ ${last}`);
  await page.fill('#ps-filter', '小');
  const shown = await page.getByTestId('ps-table').locator('tbody tr').count();
  assert.equal(shown, 5, '小雨 小桃 小鹿 小林 小满');
  await page.fill('#ps-filter', '');

  // A click on 小雨's QA cell opens her statement at that line.
  await page.getByTestId('ps-cell-0-4').click();
  const st = page.getByTestId('ps-statement');
  await expectText(st.locator('tr.traced'), /质检扣款\s+-127.00\s+（90 − 质检得分 77\.30?）× 10 元/);
  await expectText(st, /触发红线「红线」（3），绩效奖金 [\d,.]+ 元清零/);
  await expectText(st, /总分 [\d.]+，排名 \d+\/20，等级 [SABCD]/);
  await expectText(st, /应发合计\s+[\d,.]+/);
  await expectText(st, /本人签字/);
  await st.screenshot({ path: 'screenshots/statement-zh.png' });

  // The browser's print dialog is replaced by a counter.
  await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  // Print the pay sheet: A4 landscape with the title and the signature line.
  await page.getByTestId('ps-print-sheet').click();
  await page.getByTestId('ps-print').waitFor();
  await expectText(page.locator('#ps-print-host .ps-title'), /2026-11 绩效工资表　考核方案：售前考核方案　奖金方案：/);
  const sheetPdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const boxes = sheetPdf.match(/\/MediaBox\s*\[[^\]]*\]/g) || [];
  assert.ok(boxes.length >= 1 && boxes.every((b) => /\[0 0 841\.9\d* 594\.9\d*\]/.test(b)), boxes.join(' '));
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#ps-print-host .sheet-print')).display), 'block');
  assert.equal(await page.locator('#ps-print-host .ps-table tbody tr').count(), 20);
  await expectText(page.locator('#ps-print-host .ps-sign'), /制表：/);
  await page.getByTestId('ps-print-close').click();

  // Print everyone: one statement per page (a PDF of the print view has 20 pages).
  await page.getByTestId('ps-print-all').click();
  await page.getByTestId('ps-print').waitFor();
  assert.equal(await page.evaluate(() => window.__printed), 2);
  await expectText(page.getByTestId('ps-print-progress'), '正在打印第 1–20 份，共 20 份');
  assert.equal(await page.locator('#ps-print-host .stmt-page').count(), 20);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: 'screenshots/statements-print.png', clip: { x: 0, y: 0, width: 800, height: 1800 }, fullPage: true });
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 20, `${pages} PDF pages`);
  const portrait = pdf.match(/\/MediaBox\s*\[[^\]]*\]/g) || [];
  assert.ok(portrait.every((b) => /\[0 0 594\.9\d* 841\.9\d*\]/.test(b)), `A4 portrait: ${portrait[0]}`);
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('ps-print-close').click();

  // The pay sheet .xlsx, opened again through the file input.
  const sheetFile = await download(page, 'ps-xlsx');
  assert.match(sheetFile.name, /^工资表-2026-11-.+\.xlsx$/);
  await page.getByRole('tab', { name: '数据' }).click();
  await page.getByLabel('打开文件').setInputFiles(sheetFile.path);
  // 小雨: bonus 0 (vetoed), 底薪 3,000, 全勤奖 200, 质检扣款 127.
  await expectText(page.getByTestId('import-preview'), /第 2 行：小雨 \| 0 \| 3000 \| 200 \| 127 \|/);
  await page.getByRole('button', { name: '取消' }).click();
  await page.getByRole('tab', { name: '奖金' }).click();
  // Every statement as one workbook: a sheet per agent.
  const stmFile = await download(page, 'ps-stm-xlsx');
  await page.getByRole('tab', { name: '数据' }).click();
  await page.getByLabel('打开文件').setInputFiles(stmFile.path);
  await page.locator('#import-sheet').waitFor();
  const sheets = await page.locator('#import-sheet option').allInnerTexts();
  assert.equal(sheets.length, 20, sheets.join(' | '));
  assert.ok(sheets[0].startsWith('小雨'), sheets[0]);
  await page.getByRole('button', { name: '取消' }).click();

  // An award by list: unreadable text is named and changes nothing; 小雨=500 pays her ¥500.
  await page.getByRole('tab', { name: '奖金' }).click();
  await page.getByTestId('ps-add-3').click();
  await page.fill('[data-testid="ps-list-3"]', '小雨 500');
  await page.press('[data-testid="ps-list-3"]', 'Tab');
  await expectText(page.getByTestId('ps-line-3').locator('.field-error'), '无法识别「小雨 500」');
  await expectText(page.getByTestId('ps-summary'), new RegExp(`^20 人，应发合计 ¥${fmt(total)}`));
  await page.fill('[data-testid="ps-list-3"]', '小雨=500');
  await page.press('[data-testid="ps-list-3"]', 'Tab');
  await expectText(page.getByTestId('ps-summary'), new RegExp(`^20 人，应发合计 ¥${fmt(total + 500)}`));
  assert.equal(await page.getByTestId('ps-line-3').locator('.field-error').count(), 0);

  // The same statement in English.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByTestId('ps-cell-0-4').click();
  await expectText(page.getByTestId('ps-statement'), /Performance statement · 2026-11 · 小雨/);
  // The column by its metric's English name (#15: one name per column).
  await expectText(page.getByTestId('ps-statement').locator('tr.traced'), /\(90 − QA score 77\.30?\) × ¥10/);
  await page.getByTestId('ps-statement').screenshot({ path: 'screenshots/statement-en.png' });
  assert.deepEqual(errors, []);
  await context.close();
});
