// End-to-end: the grid as a spreadsheet — ranges by keyboard and mouse, Excel's
// status bar, Ctrl+C as TSV (read back from the real clipboard), paste into a
// range as one undo step, a paste larger than the grid, fill down, clear,
// Ctrl+A, find, an IME composition straight into a cell, the ARIA grid
// attributes. Expected values come from src/io/demo_team.tsv, by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { start, expectText } from './browser.mjs';

let env;
before(async () => { env = await start(); mkdirSync('screenshots', { recursive: true }); });
after(async () => { await env?.close(); });

const cell = (page, r, c) => page.locator(`#cell-${r}-${c}`);
const selected = (page, r, c) => cell(page, r, c).getAttribute('aria-selected');

async function open() {
  const o = await env.open({ locale: 'zh-CN' });
  await o.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
  return o;
}

/** A paste event carrying `text`, on the focused element (the grid's cursor). */
async function paste(page, text) {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

test('Shift+arrows select a range; the status bar sums it; Ctrl+C copies it as TSV', async () => {
  const { page, context, errors } = await open();
  await cell(page, 0, 7).click();                 // 小雨 客单价
  const cursor = page.getByTestId('grid-cursor');
  assert.equal(await cursor.getAttribute('aria-activedescendant'), 'cell-0-7');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  assert.equal(await cursor.getAttribute('aria-activedescendant'), 'cell-2-7');
  for (const r of [0, 1, 2]) assert.equal(await selected(page, r, 7), 'true');
  assert.equal(await selected(page, 3, 7), 'false');
  // 254.79 + 123.69 + 177.79 = 556.27; / 3 = 185.4233…
  const status = page.getByTestId('grid-status');
  await expectText(status, /平均值：¥185\.42/);
  assert.match(await status.innerText(), /计数：3/);
  assert.match(await status.innerText(), /求和：¥556\.27/);
  // Extend left onto 询单转化率 and up to two rows, copy: Excel's TSV.
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Control+c');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(text, '32.26%\t254.79\r\n30.02%\t123.69');
  await page.screenshot({ path: 'screenshots/grid-range.png' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('copied text that would run as a formula keeps an apostrophe', async () => {
  const { page, context } = await open();
  await cell(page, 0, 0).click();
  await page.keyboard.type('=1+1');
  await page.keyboard.press('Enter');
  await expectText(cell(page, 0, 0), '=1+1');
  await cell(page, 0, 0).click();
  await page.keyboard.press('Control+c');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "'=1+1");
  await context.close();
});

test('a mouse drag and Shift+click select; Ctrl+A selects all', async () => {
  const { page, context } = await open();
  const box = async (r, c) => { const b = await cell(page, r, c).boundingBox(); return [b.x + b.width / 2, b.y + b.height / 2]; };
  await page.mouse.move(...await box(0, 2));
  await page.mouse.down();
  await page.mouse.move(...await box(1, 3), { steps: 4 });
  await page.mouse.move(...await box(2, 4), { steps: 4 });
  await page.mouse.up();
  for (const [r, c] of [[0, 2], [1, 3], [2, 4], [0, 4]]) assert.equal(await selected(page, r, c), 'true', `${r},${c}`);
  assert.equal(await selected(page, 3, 2), 'false');
  await expectText(page.getByTestId('grid-status'), /计数：9/);
  // Shift+click spans from the anchor (the drag's start) to the clicked cell.
  await cell(page, 4, 3).click({ modifiers: ['Shift'] });
  await expectText(page.getByTestId('grid-status'), /计数：10/);
  assert.equal(await selected(page, 4, 3), 'true');
  assert.equal(await selected(page, 2, 4), 'false');
  await page.keyboard.press('Control+a');
  assert.equal(await selected(page, 29, 18), 'true');
  assert.equal(await selected(page, 0, 0), 'true');
  await context.close();
});

test('a paste into a range is values in the grid, undone in one step', async () => {
  const { page, context, errors } = await open();
  await cell(page, 0, 7).click();
  await paste(page, '111\r\n222\r\n333\r\n');
  await expectText(cell(page, 0, 7), '¥111.00');
  await expectText(cell(page, 1, 7), '¥222.00');
  await expectText(cell(page, 2, 7), '¥333.00');
  await expectText(cell(page, 3, 7), '¥139.97');   // 木子: untouched
  assert.equal(await page.getByTestId('counts').innerText(), '30 名客服 · 19 列', 'not an import');
  // The pasted block is the new range.
  assert.equal(await selected(page, 2, 7), 'true');
  await page.getByRole('button', { name: '撤销' }).click();
  await expectText(cell(page, 0, 7), '¥254.79');
  await expectText(cell(page, 1, 7), '¥123.69');
  await expectText(cell(page, 2, 7), '¥177.79');
  // One value pasted into a selected range fills it.
  await cell(page, 0, 2).click();
  await page.keyboard.press('Shift+ArrowDown');
  await paste(page, '7');
  await expectText(cell(page, 0, 2), '7');
  await expectText(cell(page, 1, 2), '7');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a paste longer than the grid asks before adding agents', async () => {
  const { page, context } = await open();
  let asked = '';
  page.once('dialog', (d) => { asked = d.message(); d.accept(); });
  await cell(page, 28, 0).click();
  await paste(page, '甲\n乙\n丙\n丁');
  await expectText(page.getByTestId('counts'), '32 名客服 · 19 列');
  assert.match(asked, /4 行.*2 行.*2 名客服/);
  await expectText(cell(page, 31, 0), '丁');
  // Declined: only what fits is pasted.
  page.once('dialog', (d) => d.dismiss());
  await cell(page, 31, 0).click();
  await paste(page, '戊\n己');
  await expectText(cell(page, 31, 0), '戊');
  assert.equal(await page.getByTestId('counts').innerText(), '32 名客服 · 19 列');
  await context.close();
});

test('Ctrl+D fills down, Delete clears the range, both undo', async () => {
  const { page, context } = await open();
  await cell(page, 0, 7).click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Control+d');
  await expectText(cell(page, 1, 7), '¥254.79');
  await expectText(cell(page, 2, 7), '¥254.79');
  await page.keyboard.press('Delete');
  for (const r of [0, 1, 2]) await expectText(cell(page, r, 7), '');
  await page.getByRole('button', { name: '撤销' }).click();
  await expectText(cell(page, 2, 7), '¥254.79');
  await page.getByRole('button', { name: '撤销' }).click();
  await expectText(cell(page, 2, 7), '¥177.79');
  await context.close();
});

test('Ctrl+F finds an agent and a value', async () => {
  const { page, context } = await open();
  await cell(page, 0, 0).click();
  await page.keyboard.press('Control+f');
  const box = page.getByRole('searchbox', { name: '查找' });
  await box.waitFor();
  await box.fill('晓晨');
  await box.press('Enter');
  await expectText(page.getByTestId('find-status'), '第 1 个，共 1 个');
  assert.equal(await page.getByTestId('grid-cursor').getAttribute('aria-activedescendant'), 'cell-2-0');
  await box.fill('177.79');
  await box.press('Enter');
  assert.equal(await page.getByTestId('grid-cursor').getAttribute('aria-activedescendant'), 'cell-2-7');
  await box.fill('没有这个人');
  await box.press('Enter');
  await expectText(page.getByTestId('find-status'), '没有找到“没有这个人”');
  await box.press('Escape');
  assert.equal(await box.count(), 0);
  await context.close();
});

test('Chinese typed with an IME goes straight into the selected cell', async () => {
  const { page, context, errors } = await open();
  await cell(page, 3, 0).click();
  await page.evaluate(() => {
    window.__ime = [];
    for (const t of ['compositionstart', 'compositionupdate', 'compositionend']) {
      document.addEventListener(t, (e) => window.__ime.push(`${t}:${e.data}`), true);
    }
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'zhang', selectionStart: 5, selectionEnd: 5 });
  await cdp.send('Input.imeSetComposition', { text: '张', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.insertText', { text: '张三' });
  const editor = page.getByRole('textbox', { name: '编辑单元格' });
  await editor.waitFor();
  assert.equal(await editor.inputValue(), '张三', 'the composed text is in the editor');
  await page.keyboard.press('Enter');
  await expectText(cell(page, 3, 0), '张三');
  const seq = await page.evaluate(() => window.__ime);
  const kinds = seq.map((s) => s.split(':')[0]);
  assert.equal(kinds[0], 'compositionstart', seq.join(' '));
  assert.equal(seq.at(-1), 'compositionend:张三', seq.join(' '));
  assert.ok(kinds.length >= 3 && kinds.slice(1, -1).every((k) => k === 'compositionupdate'), seq.join(' '));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the grid follows the ARIA grid pattern, also on windowed rows', async () => {
  const { page, context } = await open();
  const grid = page.getByRole('grid', { name: '团队月度数据' });
  assert.equal(await grid.getAttribute('aria-rowcount'), '31');
  assert.equal(await grid.getAttribute('aria-colcount'), '20');
  assert.equal(await grid.getAttribute('aria-multiselectable'), 'true');
  const row = page.locator('table.grid tbody tr').nth(4);
  assert.equal(await row.getAttribute('aria-rowindex'), '6');
  assert.equal(await cell(page, 4, 3).getAttribute('aria-colindex'), '5');
  assert.equal(await page.getByRole('columnheader').count(), 20);
  await context.close();
});

test('a 10,000 × 30 range copies out and pastes back', async () => {
  const { page, context, errors } = await open();
  // Import 10,000 agents × 30 columns (a paste on the grid's frame imports).
  const head = ['客服昵称', ...Array.from({ length: 29 }, (_, j) => `指标${j + 1}`)];
  const rows = [head.join('\t')];
  for (let i = 0; i < 10000; i++) rows.push([`客服${String(i).padStart(5, '0')}`, ...Array.from({ length: 29 }, (_, j) => String((i * 31 + j) % 1000))].join('\t'));
  await page.locator('.grid-wrap').focus();
  await paste(page, rows.join('\n'));
  await page.getByRole('button', { name: '确认导入 10000 名客服' }).click();
  await expectText(page.getByTestId('counts'), '10000 名客服 · 30 列', 30000);
  await cell(page, 0, 0).click();
  await page.keyboard.press('Control+a');
  // 10,000 × 30 = 300,000 cells; count shown as Excel does.
  await expectText(page.getByTestId('grid-status'), /计数：300000/, 20000);
  const t0 = Date.now();
  await page.keyboard.press('Control+c');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  console.log(`# copy of 10,000 × 30 cells: ${Date.now() - t0} ms (informational)`);
  const lines = text.split('\r\n');
  assert.equal(lines.length, 10000);
  assert.equal(lines[0], rows[1]);
  assert.equal(lines[9999], rows[10000]);
  // Paste it back shifted one row down: asks for one more agent, one undo step.
  page.once('dialog', (d) => d.accept());
  await page.keyboard.press('Control+Home');      // back to the top (rows are windowed)
  await cell(page, 0, 0).click();
  await page.keyboard.press('ArrowDown');
  const t1 = Date.now();
  await paste(page, text);
  await expectText(page.getByTestId('counts'), '10001 名客服 · 30 列', 30000);
  console.log(`# paste of 10,000 × 30 cells into the grid: ${Date.now() - t1} ms (informational)`);
  await expectText(cell(page, 1, 0), '客服00000');
  await page.getByRole('button', { name: '撤销' }).click();
  await expectText(page.getByTestId('counts'), '10000 名客服 · 30 列', 30000);
  await expectText(cell(page, 1, 0), '客服00001');
  assert.deepEqual(errors, []);
  await context.close();
});
