// End-to-end: storage that keeps (#20). The localStorage contents a build of
// main before the move (b84c801) left behind (tests/fixtures/storage, made by
// scripts/gen_storage_fixture.mjs) open in this build and move to IndexedDB
// without loss; a failed move keeps them; no IndexedDB falls back to
// localStorage with a notice; a refused write is reported and the previous
// copy stays; the library goes out as one file and comes back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { start, expectText } from './browser.mjs';
import { idbGet, idbKeys, idbWaitFor, IDB_FULL } from './idb.mjs';

const OLD = JSON.parse(readFileSync('tests/fixtures/storage/main-localstorage.json', 'utf8'));
const WORKBOOK_KEYS = Object.keys(OLD).filter((k) => k !== 'kpi-sandbox.lang').sort();

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** A page whose origin starts with `items` in localStorage (seeded once, before the app). */
async function openSeeded(items, extraInit) {
  const context = await env.browser.newContext({ locale: 'zh-CN', acceptDownloads: true, serviceWorkers: 'block' });
  await context.addInitScript((items) => {
    if (!sessionStorage.getItem('seeded')) {
      for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
      sessionStorage.setItem('seeded', '1');
    }
  }, items);
  if (extraInit) await context.addInitScript(extraInit);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.url);
  await page.getByRole('grid').waitFor();
  return { context, page, errors };
}

const localKeys = (page) => page.evaluate(() => Object.keys(localStorage).sort());

test('a library and autosave saved by the localStorage build open here and move to IndexedDB', async () => {
  assert.deepEqual(WORKBOOK_KEYS, ['kpi-sandbox.autosave', 'kpi-sandbox.library', 'kpi-sandbox.library.0', 'kpi-sandbox.library.1']);
  const { context, page, errors } = await openSeeded(OLD);
  // The autosave of the old build is the workbook shown.
  await expectText(page.locator('#cell-2-0'), '自动保存丙');
  assert.equal(await page.locator('#cell-0-0').innerText(), '迁移甲');
  await expectText(page.locator('.notice > span'), '已把 4 项旧数据（工作簿库和自动保存）从 localStorage 移入 IndexedDB，并核对无误。');
  // Every key is in IndexedDB byte for byte; only then gone from localStorage.
  assert.deepEqual(await idbKeys(page), WORKBOOK_KEYS);
  for (const k of WORKBOOK_KEYS) assert.equal(await idbGet(page, k), OLD[k], k);
  assert.deepEqual(await localKeys(page), ['kpi-sandbox.lang']);
  // The library lists both workbooks and opens the first as it was saved.
  await page.getByTestId('lib-open').click();
  await expectText(page.getByTestId('lib-table'), /十一月旧版[\s\S]*第二份/);
  await expectText(page.getByTestId('storage-info'), /保存在本浏览器的 IndexedDB 中/);
  await page.getByTestId('lib-row-0').getByRole('button', { name: '打开' }).click();
  await expectText(page.locator('.notice > span'), '已打开：十一月旧版');
  assert.equal(await page.locator('#cell-0-0').innerText(), '迁移甲');
  assert.notEqual(await page.locator('#cell-1-0').innerText(), '迁移乙', 'the first save, not the second');
  // A reload reads IndexedDB; nothing is moved twice.
  await page.reload();
  await page.getByRole('grid').waitFor();
  await page.waitForTimeout(300);
  assert.doesNotMatch(await page.locator('body').innerText(), /移入 IndexedDB/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a move that cannot be written keeps the localStorage copy and works from it', async () => {
  const { context, page, errors } = await openSeeded(OLD, IDB_FULL);
  await expectText(page.locator('.notice > span'), /未能把旧数据移入 IndexedDB（QuotaExceededError），本次继续使用 localStorage，旧数据原样保留/);
  await expectText(page.locator('#cell-2-0'), '自动保存丙');
  const after = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
  for (const k of WORKBOOK_KEYS) assert.equal(after[k], OLD[k], `${k} kept`);
  assert.deepEqual(await idbKeys(page), [], 'nothing half-written');
  assert.deepEqual(errors, []);
  await context.close();
});

test('without IndexedDB the app keeps its work in localStorage and says so', async () => {
  const noIdb = () => { Object.defineProperty(window, 'indexedDB', { get: () => undefined, configurable: true }); };
  const { context, page, errors } = await openSeeded({}, noIdb);
  await expectText(page.locator('.notice.error > span'), /本浏览器无法使用 IndexedDB/);
  await page.locator('#cell-0-0').click();
  await page.keyboard.type('无库');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => (localStorage.getItem('kpi-sandbox.autosave') || '').includes('无库'));
  await page.reload();
  await page.getByRole('grid').waitFor();
  await expectText(page.locator('#cell-0-0'), '无库');
  // The library works there too, and its storage line says where it is.
  await page.getByTestId('lib-open').click();
  await page.fill('#lib-name', '后备');
  await page.getByTestId('lib-save').click();
  await expectText(page.getByTestId('lib-table'), /后备/);
  await expectText(page.getByTestId('storage-fallback'), /改存在 localStorage 中/);
  assert.ok(await page.evaluate(() => localStorage.getItem('kpi-sandbox.library').includes('后备')));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a refused autosave is reported and the previous copy stays', async () => {
  const { context, page, errors } = await openSeeded({});
  await page.locator('#cell-0-0').click();
  await page.keyboard.type('第一版');
  await page.keyboard.press('Enter');
  await idbWaitFor(page, 'kpi-sandbox.autosave', '第一版');
  await page.evaluate(IDB_FULL);
  await page.locator('#cell-0-0').click();
  await page.keyboard.type('第二版');
  await page.keyboard.press('Enter');
  await expectText(page.locator('.notice.error > span'), /自动保存失败：QuotaExceededError/, 5000);
  const kept = await idbGet(page, 'kpi-sandbox.autosave');
  assert.ok(kept.includes('第一版') && !kept.includes('第二版'), 'the last good autosave is intact');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the whole library goes out as one file and comes back: names clash, bad files refused', async () => {
  const { context, page, errors } = await openSeeded({});
  await page.getByTestId('lib-open').click();
  for (const name of ['甲', '乙']) {
    await page.fill('#lib-name', name);
    await page.getByTestId('lib-save').click();
    await expectText(page.locator('.notice > span'), `已保存到工作簿库：${name}`);
  }
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('lib-export').click()]);
  assert.match(dl.suggestedFilename(), /^kpi-sandbox-library-\d{4}-\d\d-\d\d\.json$/);
  const text = readFileSync(await dl.path(), 'utf8');
  const file = JSON.parse(text);
  assert.equal(file.kind, 'kpi-sandbox-library');
  assert.deepEqual(file.entries.map((e) => e.name), ['甲', '乙']);
  assert.equal(file.entries[0].workbook, await idbGet(page, 'kpi-sandbox.library.0'), 'workbooks travel unchanged');
  await expectText(page.locator('.notice > span'), '已导出 2 个工作簿到一个文件。');

  // Change 甲 (overwrite with an edit), delete 乙, then import the file.
  await page.locator('#cell-0-0').click();
  await page.keyboard.type('改过');
  await page.keyboard.press('Enter');
  await page.getByTestId('lib-row-0').getByRole('button', { name: '覆盖保存' }).click();
  await expectText(page.locator('.notice > span'), '已保存到工作簿库：甲');
  await page.getByTestId('lib-row-1').getByRole('button', { name: '删除' }).click();
  await page.getByTestId('lib-row-1').getByRole('button', { name: '确认删除' }).click();
  await expectText(page.locator('.notice > span'), '已删除：乙');
  await page.getByTestId('lib-import').setInputFiles({ name: 'lib.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expectText(page.locator('.notice > span'), '已导入 2 个工作簿。同名的已改名：甲 → 甲 (2)。');
  const names = await page.getByTestId('lib-table').locator('tbody tr td:first-child').allInnerTexts();
  assert.deepEqual(names, ['甲', '甲 (2)', '乙']);
  // Nothing overwritten: 甲 still has the edit, 甲 (2) is the exported one.
  assert.ok((await idbGet(page, 'kpi-sandbox.library.0')).includes('改过'));
  // The same file again adds nothing.
  await page.getByTestId('lib-import').setInputFiles({ name: 'lib.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expectText(page.locator('.notice > span'), '已导入 0 个工作簿。库中已有相同内容，跳过：甲、乙。');
  assert.equal(await page.getByTestId('lib-table').locator('tbody tr').count(), 3);

  // Bad files: refused with a reason, the library as it was.
  // The library's keys (the autosave of the edit above may land meanwhile).
  const libraryKeys = async () => (await idbKeys(page)).filter((k) => k.startsWith('kpi-sandbox.library'));
  const keysBefore = await libraryKeys();
  const bad = [
    ['notes.txt', 'hello', /这不是工作簿库文件/],
    ['workbook.json', file.entries[0].workbook, /这不是工作簿库文件/],
    ['newer.json', JSON.stringify({ ...file, version: 9 }), /由更新版本的本应用生成（版本 9）/],
    ['damaged.json', JSON.stringify({ ...file, entries: [{ name: '坏', workbook: '{"app":"kpi-sandbox"' }] }), /工作簿“坏”已损坏/],
  ];
  for (const [name, body, want] of bad) {
    await page.getByTestId('lib-import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
    await expectText(page.locator('.notice.error > span'), want);
  }
  assert.deepEqual(await libraryKeys(), keysBefore);
  assert.equal(await page.getByTestId('lib-table').locator('tbody tr').count(), 3);
  assert.deepEqual(errors, []);
  await context.close();
});

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

for (const locale of ['zh-CN', 'en-US']) {
  test(`the open library with entries has no serious or critical axe violation (${locale})`, async () => {
    const { page, context } = await env.open({ locale, serviceWorkers: 'block' });
    await page.getByTestId('lib-open').click();
    await page.fill('#lib-name', 'axe');
    await page.getByTestId('lib-save').click();
    await page.getByTestId('lib-table').waitFor();
    await page.getByTestId('storage-info').waitFor();
    await page.evaluate(axeSource);
    const bad = await page.evaluate(async () => {
      const r = await window.axe.run(document.querySelector('[data-testid=lib-panel]'), { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    });
    assert.deepEqual(bad, []);
    await context.close();
  });
}
