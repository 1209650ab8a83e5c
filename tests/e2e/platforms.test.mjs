// End-to-end: real exports at the door — three 赤兔 day files dropped at once
// roll up to one month; a 质检 sheet joins the month by agent; a header
// remapped in the preview is remembered for the next import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { start, expectText, paste } from './browser.mjs';
import { idbWaitFor } from './idb.mjs';

let env;
before(async () => { env = await start(); mkdirSync('screenshots', { recursive: true }); });
after(async () => { await env?.close(); });

const DIR = 'tests/fixtures/platforms/';
const day = (d) => `${DIR}自定义报表_客服数据_下单优先判定_2026-10-0${d}至2026-10-0${d}.xlsx`;

/** Drops files on the import area as a person drags them from a folder. */
async function drop(page, paths) {
  const files = paths.map((p) => ({ name: p.split('/').pop(), data: [...readFileSync(p)] }));
  const handle = await page.evaluateHandle((fs) => {
    const dt = new DataTransfer();
    for (const f of fs) dt.items.add(new File([new Uint8Array(f.data)], f.name));
    return dt;
  }, files);
  await page.locator('.import').dispatchEvent('drop', { dataTransfer: handle });
}

/** The grid column whose header reads `name`. */
async function columnOf(page, name) {
  const headers = await page.locator('table.grid thead th').allInnerTexts();
  const i = headers.findIndex((h) => h.replace(/[▾▴↑↓]/g, '').trim() === name);
  assert.ok(i >= 0, `no column ${name} in ${headers.join(' | ')}`);
  return i - 1; // the first header is the row number
}


test('three day files dropped at once become one month; a 质检 sheet joins it', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN' });
  await drop(page, [day(1), day(2), day(3)]);
  const preview = page.getByTestId('import-preview');
  await expectText(preview.getByTestId('import-days'), /3 个日文件汇总为 2026-10 月/, 8000);
  await expectText(preview.getByTestId('import-absent'), /南风（2\/3 天）/);
  await page.screenshot({ path: 'screenshots/import-days-zh.png', fullPage: true });
  await preview.getByRole('button', { name: '确认导入 3 名客服' }).click();
  await expectText(page.getByTestId('counts'), /^3 名客服/);
  // 小雨: 接待人数 50 + 60 + 40; 询单转化率 62 / 120 = 51.67 %; 出勤天数 3.
  await expectText(page.locator(`#cell-0-${await columnOf(page, '接待人数')}`), '150');
  await expectText(page.locator(`#cell-0-${await columnOf(page, '询单转化率')}`), '51.67%');
  await expectText(page.locator(`#cell-2-${await columnOf(page, '出勤天数')}`), '2');

  // Join the 质检 sheet: 花间小铺:小雨 and "阿杰 " match; 小夏 is fixed by hand to 南风.
  await page.getByLabel('打开文件').setInputFiles(`${DIR}质检评分_2026-10.csv`);
  await preview.getByLabel('按客服合并列到当前月份').check();
  const join = preview.getByTestId('import-join');
  await expectText(join, /匹配 2 名客服/);
  await expectText(join, /当前月份中找不到的客服（不会导入）：小夏/);
  await join.getByLabel('「小夏」对应当前月份的').selectOption({ label: '南风' });
  await expectText(join, /匹配 3 名客服/);
  await page.screenshot({ path: 'screenshots/import-join-zh.png', fullPage: true });
  await preview.getByRole('button', { name: '合并 2 列' }).click();
  const qa = await columnOf(page, '质检得分');
  await expectText(page.locator(`#cell-0-${qa}`), '96.5');
  await expectText(page.locator(`#cell-2-${qa}`), '90');
  // One undo removes the joined columns.
  await page.getByRole('button', { name: '撤销' }).click();
  const headers = await page.locator('table.grid thead th').allInnerTexts();
  assert.ok(!headers.some((h) => h.includes('质检得分')), headers.join('|'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a header remapped in the preview maps the same way on the next import', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN' });
  const text = '客服昵称\t上岗天数\t询单人数\n甲\t22\t100\n乙\t18\t80\n';
  await paste(page, text);
  const preview = page.getByTestId('import-preview');
  await preview.getByLabel('「上岗天数」对应的指标').selectOption({ label: '出勤天数' });
  await expectText(preview.getByTestId('import-sample'), /按之前的手动映射/);
  await preview.getByRole('button', { name: '确认导入 2 名客服' }).click();
  await expectText(page.getByTestId('counts'), /^2 名客服/);
  // The next paste of the same header comes in mapped, and says why.
  await paste(page, text);
  await expectText(preview.getByTestId('import-sample'), /按之前的手动映射/);
  const select = preview.getByLabel('「上岗天数」对应的指标');
  assert.equal(await select.evaluate((s) => s.selectedOptions[0].textContent), '出勤天数');
  // It survives a reload (autosave) and can be forgotten.
  await preview.getByRole('button', { name: '取消' }).click();
  // The remembered header is in the autosave (a fixed 900 ms wait was too
  // short for a loaded CI machine: the reload came before the save).
  await idbWaitFor(page, 'kpi-sandbox.autosave', '上岗天数');
  await page.reload();
  await page.getByRole('grid').waitFor();
  await page.getByRole('button', { name: /清除记住的列映射（1 项）/ }).click();
  await paste(page, text);
  await expectText(preview.getByTestId('import-sample'), /未识别，作为自定义列/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 赤兔 day file with a title row: header found, placeholders blank, time cells in seconds', async () => {
  const { page, context, errors } = await env.open({ locale: 'en-US' });
  await page.getByLabel('Open file').setInputFiles(day(1));
  const preview = page.getByTestId('import-preview');
  await expectText(preview.getByTestId('import-header-line'), 'Header taken from row 3');
  await expectText(preview, /Row 1 above the header \(a title or notes\) was skipped/);
  await page.screenshot({ path: 'screenshots/import-title-en.png', fullPage: true });
  // Import as the month as it is (not as a day).
  await preview.getByTestId('import-as-day').uncheck();
  await preview.getByRole('button', { name: 'Import 3 agents' }).click();
  await expectText(page.locator(`#cell-0-${await columnOf(page, 'Average chat length (s)')}`), '300.0 s');
  await expectText(page.locator(`#cell-2-${await columnOf(page, 'Satisfaction')}`), '');
  assert.deepEqual(errors, []);
  await context.close();
});
