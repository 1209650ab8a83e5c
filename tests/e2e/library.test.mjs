// End-to-end: the workbook library — save as, change, open the saved one,
// rename, delete, survive a reload; a storage refusal (IndexedDB full) is
// shown, not silent.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, expectText } from './browser.mjs';
import { idbKeys, IDB_FULL } from './idb.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function edit(page, cell, text) {
  await page.locator(cell).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('save as, open, rename and delete in the library', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN' });
  await page.getByTestId('lib-open').click();
  await page.fill('#lib-name', '十一月定稿');
  await page.getByTestId('lib-save').click();
  await expectText(page.locator('.notice > span'), '已保存到工作簿库：十一月定稿');
  await expectText(page.getByTestId('lib-table'), /十一月定稿\s+1 个月份（当前 2026-11），30 名客服，2 个方案/);
  // The same name again is refused with a way out.
  await page.fill('#lib-name', '十一月定稿');
  await page.getByTestId('lib-save').click();
  await expectText(page.locator('.notice > span'), /已有同名工作簿/);

  // Change the data, then open the saved workbook: the change is gone (and undoable).
  await edit(page, '#cell-0-6', '55');
  await expectText(page.locator('#cell-0-6'), '55.00%');
  await page.getByTestId('lib-table').getByRole('button', { name: '打开' }).click();
  await expectText(page.locator('#cell-0-6'), '32.26%');
  await expectText(page.locator('.notice > span'), '已打开：十一月定稿');
  await page.keyboard.press('Control+z');
  await expectText(page.locator('#cell-0-6'), '55.00%');

  // Rename, then reload: the library is still there.
  await page.getByTestId('lib-table').getByRole('button', { name: '重命名' }).click();
  await page.locator('input.lib-rename').fill('定稿 v2');
  await page.getByTestId('lib-table').getByRole('button', { name: '保存名称' }).click();
  await expectText(page.getByTestId('lib-table'), /定稿 v2/);
  await page.reload();
  await page.getByRole('grid').waitFor();
  await page.getByTestId('lib-open').click();
  await expectText(page.getByTestId('lib-table'), /定稿 v2/);

  // Delete asks for a second click.
  await page.getByTestId('lib-table').getByRole('button', { name: '删除' }).click();
  await page.getByTestId('lib-table').getByRole('button', { name: '确认删除' }).click();
  await expectText(page.getByTestId('lib-panel'), /库中还没有工作簿/);
  const keys = (await idbKeys(page)).filter((k) => k.startsWith('kpi-sandbox.library.'));
  assert.deepEqual(keys, [], 'the data of a deleted workbook is removed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a full storage is reported and the library is unchanged', async () => {
  const { page, context } = await env.open({ locale: 'zh-CN' });
  await page.evaluate(IDB_FULL);
  await page.getByTestId('lib-open').click();
  await page.fill('#lib-name', '放不下');
  await page.getByTestId('lib-save').click();
  await expectText(page.locator('.notice > span'), /浏览器拒绝保存（存储空间已满或被禁用）：QuotaExceededError/);
  await expectText(page.getByTestId('lib-panel'), /库中还没有工作簿/);
  await context.close();
});
