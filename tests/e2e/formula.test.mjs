// End-to-end: formula columns through the UI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { start, expectText } from './browser.mjs';

let env;
before(async () => { env = await start(); mkdirSync('screenshots', { recursive: true }); });
after(async () => { await env?.close(); });

test('add a formula column, make a cycle, see #CYCLE!, fix it', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN' });
  // The one-click 客服销售额 identity: 小雨 1404 × 32.26% × ¥254.79 × (1 − 1.30%).
  await page.getByRole('button', { name: '+ 客服销售额(公式)' }).click();
  // Column 19 is the new one. 1404 × 0.3226 × 254.79 × 0.987 = 113,901.9088 (Python).
  await expectText(page.locator('#cell-0-19'), '¥113,901.91');

  // A custom column through the form, with autocomplete.
  await page.getByRole('button', { name: 'ƒx 新增公式列' }).click();
  await page.locator('#new-col-name').fill('A');
  const fx = page.locator('#new-col-formula');
  await fx.click();
  await fx.pressSequentially('[询单人');
  await page.getByRole('option', { name: '[询单人数]' }).click();
  await expectText(page.locator('#new-col-formula ~ .fx-preview, .add-formula-form .fx-preview').first(), '[询单人数]');
  await fx.press('End');
  await fx.pressSequentially('*2');
  await fx.press('Enter');
  await expectText(page.locator('#cell-0-20'), '2,808');  // 1404 × 2

  // A syntax error is refused with its position; nothing changes.
  await page.locator('#cell-0-20').click();
  const bar = page.locator('#col-formula');
  await bar.fill('=[询单人数]*(2');
  await bar.press('Enter');
  await expectText(page.getByRole('alert').first(), /第 11 个字符处：此处应为 \)/);
  await expectText(page.locator('#cell-0-20'), '2,808');
  assert.equal(await page.locator('.column-bar .tk-errpos').count(), 1, 'the spot is marked');

  // Add B = [A]+1, then make A read B: a cycle.
  await page.getByRole('button', { name: 'ƒx 新增公式列' }).click();
  await page.locator('#new-col-name').fill('B');
  await page.locator('#new-col-formula').fill('[A]+1');
  await page.locator('#new-col-formula').press('Enter');
  await expectText(page.locator('#cell-0-21'), '2,809');
  await page.locator('#cell-0-20').click();
  await page.locator('#col-formula').fill('=[B]*2');
  await page.locator('#col-formula').press('Enter');
  await expectText(page.locator('#cell-0-20'), '#CYCLE!');
  await expectText(page.locator('#cell-0-21'), '#CYCLE!');
  await expectText(page.getByTestId('column-issue'), '循环引用：A → B');
  assert.match(await page.locator('#cell-0-21').getAttribute('title'), /循环引用：A → B/);
  await page.screenshot({ path: 'screenshots/formula-cycle-zh.png' });

  // Fix it: values return.
  await page.locator('#col-formula').fill('=[询单人数]*3');
  await page.locator('#col-formula').press('Enter');
  await expectText(page.locator('#cell-0-20'), '4,212');
  await expectText(page.locator('#cell-0-21'), '4,213');
  assert.equal(await page.getByTestId('column-issue').count(), 0);

  // Renaming A keeps B working: its reference follows.
  await page.locator('#col-name').fill('三倍询单');
  await page.locator('#col-name').press('Enter');
  await page.locator('#cell-0-21').click();
  assert.equal(await page.locator('#col-formula').inputValue(), '[三倍询单]+1');
  await expectText(page.locator('#cell-0-21'), '4,213');
  assert.deepEqual(errors, []);
  await context.close();
});
