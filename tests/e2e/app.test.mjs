// End-to-end: the built app in headless Chromium, served from dist/ under a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { idbGet, idbPut, idbWaitFor } from './idb.mjs';
import { start, expectText } from './browser.mjs';

let env;
before(async () => { env = await start(); mkdirSync('screenshots', { recursive: true }); });
after(async () => { await env?.close(); });

const cellText = (page, r, c) => page.locator(`#cell-${r}-${c}`).innerText();
const cellIs = (page, r, c, want) => expectText(page.locator(`#cell-${r}-${c}`), want);

test('loads the demo team in Chinese and makes no foreign request', async () => {
  const { page, requests, errors, context } = await env.open({ locale: 'zh-CN' });
  await assert.doesNotReject(page.getByRole('heading', { name: '客服绩效沙盘' }).waitFor());
  const rows = page.locator('table.grid tbody tr');
  assert.equal(await rows.count(), 30);
  assert.equal(await page.getByTestId('counts').innerText(), '30 名客服 · 19 列');
  assert.equal(await cellText(page, 0, 0), '小雨');
  assert.equal(await cellText(page, 0, 6), '32.26%');
  assert.equal(await cellText(page, 0, 7), '¥254.79');
  assert.equal(await cellText(page, 0, 10), '30.1秒');
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  // The loading placeholder is gone and no crash banner shows.
  assert.equal(await page.locator('.loading').count(), 0);
  assert.equal(await page.locator('#crash').isVisible(), false);
  await page.screenshot({ path: 'screenshots/data-zh.png' });
  for (const u of requests) assert.ok(u.startsWith(env.origin + '/'), `request left the origin: ${u}`);
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm module was loaded from the same origin');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an English browser gets English; the switch changes labels and is remembered', async () => {
  const { page, context, errors } = await env.open({ locale: 'en-US' });
  await page.getByRole('heading', { name: 'KPI Sandbox' }).waitFor();
  assert.equal(await page.getByRole('tab', { selected: true }).innerText(), 'Data');
  assert.equal(await page.getByRole('button', { name: 'Sort by Conversion rate' }).count(), 1);
  assert.equal(await cellText(page, 0, 10), '30.1 s');
  await page.screenshot({ path: 'screenshots/data-en.png' });
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('heading', { name: '客服绩效沙盘' }).waitFor();
  assert.equal(await page.getByRole('tab', { selected: true }).innerText(), '数据');
  assert.equal(await page.getByRole('button', { name: '按「询单转化率」排序' }).count(), 1);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  await page.reload();
  await page.getByRole('heading', { name: '客服绩效沙盘' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard editing parses like imports, Esc cancels, undo restores', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN' });
  // Click 小雨's conversion, type to replace, Enter commits and moves down.
  await page.locator('#cell-0-6').click();
  await page.keyboard.type('50');
  await page.keyboard.press('Enter');
  await cellIs(page, 0, 6, '50.00%');
  assert.equal(await page.locator('#cell-1-6').getAttribute('aria-selected'), 'true');
  // Arrow up, F2 edits the existing value; Esc cancels.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('F2');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('99');
  await page.keyboard.press('Escape');
  await cellIs(page, 0, 6, '50.00%');
  // A duration typed the Chinese way, into 首次响应时间 (col 10) via arrows.
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  // Chinese characters arrive as text input, not key presses: open the
  // editor first (F2), as a person typing with an IME would.
  await page.keyboard.press('F2');
  await page.locator('#cell-0-10 input').waitFor();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1分20秒');
  await page.keyboard.press('Tab');
  await cellIs(page, 0, 10, '80.0秒');
  // Text that is not a duration is kept, marked, and explained on hover.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('fast');
  await page.keyboard.press('Enter');
  const bad = page.locator('#cell-0-10');
  await expectText(bad, 'fast');
  assert.match(await bad.getAttribute('class'), /invalid/);
  assert.match(await bad.getAttribute('title'), /不是时长/);
  // Undo three times restores the original values.
  await page.getByRole('button', { name: '撤销' }).click();
  await cellIs(page, 0, 10, '80.0秒');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await cellIs(page, 0, 10, '30.1秒');
  await cellIs(page, 0, 6, '32.26%');
  await page.keyboard.press('Control+y');
  await cellIs(page, 0, 6, '50.00%');
  assert.deepEqual(errors, []);
  await context.close();
});

test('sorting by a header orders rows and keeps blanks last', async () => {
  const { page, context } = await env.open({ locale: 'zh-CN' });
  const sort = page.getByRole('button', { name: '按「询单转化率」排序' });
  await sort.click();
  const th = page.locator('th', { has: sort });
  assert.equal(await th.getAttribute('aria-sort'), 'descending');
  const values = async () => Promise.all(Array.from({ length: 30 }, (_, r) => cellText(page, r, 6)));
  const desc = (await values()).map(parseFloat);
  assert.deepEqual(desc, [...desc].sort((a, b) => b - a));
  await sort.click();
  assert.equal(await th.getAttribute('aria-sort'), 'ascending');
  const asc = (await values()).map(parseFloat);
  assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
  await context.close();
});

test('a 390-px phone shows the grid scrolling horizontally', async () => {
  const { page, context } = await env.open({ locale: 'zh-CN', viewport: { width: 390, height: 800 } });
  const wrap = page.locator('.grid-wrap');
  const { scrollWidth, clientWidth } = await wrap.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  assert.ok(scrollWidth > clientWidth, 'grid is wider than the screen and scrolls');
  const bodyWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(bodyWidth <= 390, `page itself does not scroll sideways (${bodyWidth})`);
  await page.screenshot({ path: 'screenshots/data-phone.png' });
  await context.close();
});

test('rows and columns: add, remove, change a unit, undo', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN' });
  await page.locator('#cell-1-0').click();   // 阿杰
  await page.getByRole('button', { name: '删除第 2 行' }).click();
  await expectText(page.getByTestId('counts'), '29 名客服 · 19 列');
  await expectText(page.locator('#cell-1-0'), '晓晨');
  await page.getByRole('button', { name: '+ 添加一行' }).click();
  await expectText(page.getByTestId('counts'), '30 名客服 · 19 列');
  // 询单转化率 as a plain number: 32.26% is read again as 32.26.
  await page.locator('#cell-0-6').click();
  await page.getByLabel('单位', { exact: true }).selectOption({ label: '数值' });
  await expectText(page.locator('#cell-0-6'), '32.26');
  await page.getByRole('button', { name: '删除此列' }).click();
  await expectText(page.getByTestId('counts'), '30 名客服 · 18 列');
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: '撤销' }).click();
  await expectText(page.getByTestId('counts'), '30 名客服 · 19 列');
  await expectText(page.locator('#cell-0-6'), '32.26%');
  await expectText(page.locator('#cell-1-0'), '阿杰');
  assert.deepEqual(errors, []);
  await context.close();
});

test('reload mid-work and see nothing lost; a broken autosave is kept as a backup', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN' });
  await page.locator('#cell-0-6').click();
  await page.keyboard.type('50');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'ƒx 新增公式列' }).click();
  await page.locator('#new-col-name').fill('双倍');
  await page.locator('#new-col-formula').fill('[询单人数]*2');
  await page.locator('#new-col-formula').press('Enter');
  await expectText(page.locator('#cell-0-19'), '2,808');
  // Wait for the debounced autosave to land, then reload.
  await idbWaitFor(page, 'kpi-sandbox.autosave', '双倍');
  await page.reload();
  await page.getByRole('grid').waitFor();
  await expectText(page.locator('#cell-0-6'), '50.00%');
  await expectText(page.locator('#cell-0-19'), '2,808');
  await expectText(page.getByRole('status').first(), /已恢复上次未完成的工作（自动保存）/);
  // A corrupted autosave: the demo loads, the text is backed up, the user is told.
  await idbPut(page, 'kpi-sandbox.autosave', '{"app":"kpi-sandbox","version":1,"months":[tru');
  await page.reload();
  await page.getByRole('grid').waitFor();
  await expectText(page.getByRole('status').first(), /自动保存的数据无法恢复/);
  await expectText(page.locator('#cell-0-6'), '32.26%');
  await idbWaitFor(page, 'kpi-sandbox.autosave.backup', '{"app"');
  const backup = await idbGet(page, 'kpi-sandbox.autosave.backup');
  assert.ok(backup.startsWith('{"app":"kpi-sandbox"'), 'the broken autosave is kept');
  assert.deepEqual(errors, []);
  await context.close();
});
