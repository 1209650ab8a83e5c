// End-to-end: offline and installable. The manifest meets Chromium's install
// criteria (checked by Chromium itself over CDP, and field by field); after
// a first visit the app reloads with no network and shows the last
// workbook; a second build is offered ('新版本可用') and taken only on a click.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, appendFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { CHROMIUM } from './browser.mjs';
import { idbGet, idbWaitFor } from './idb.mjs';
import { writeServiceWorker } from '../../scripts/sw-precache.mjs';

const ARGS = ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
let browser, root, srv;
before(async () => {
  // A copy of dist/ the update test can change into "a second build".
  root = mkdtempSync(join(tmpdir(), 'kpi-dist-'));
  cpSync('dist', root, { recursive: true });
  srv = await serve({ root });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
});
after(async () => {
  await browser?.close();
  await new Promise((ok) => srv?.server.close(ok));
  if (root) rmSync(root, { recursive: true, force: true });
});

async function open(locale = 'zh-CN') {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(srv.url);
  await page.getByRole('grid').waitFor();
  // The worker has installed (every file cached) and controls the page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  return { context, page, errors };
}

const pngSize = (buf) => [buf.readUInt32BE(16), buf.readUInt32BE(20)];

test('the manifest meets the install criteria: names, start URL, icons', async () => {
  const { context, page, errors } = await open();
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Playwright's contexts are off the record, where Chromium never installs
  // apps ('in-incognito'); nothing else may be missing.
  const missing = installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito');
  assert.deepEqual(missing, [], 'Chromium finds nothing missing for installation');
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  const m = await (await page.request.get(new URL(href, srv.url).href)).json();
  assert.match(m.name, /客服绩效沙盘/);
  assert.match(m.name, /KPI Sandbox/);
  assert.ok(m.short_name);
  assert.equal(m.display, 'standalone');
  assert.equal(m.start_url, './', 'relative: works under any sub-path');
  for (const want of [192, 512]) {
    const icon = m.icons.find((i) => i.sizes === `${want}x${want}` && i.type === 'image/png' && i.purpose === 'any');
    assert.ok(icon, `a ${want}px icon`);
    const res = await page.request.get(new URL(icon.src, srv.url).href);
    assert.equal(res.status(), 200);
    assert.deepEqual(pngSize(await res.body()), [want, want]);
  }
  assert.ok(m.icons.some((i) => i.purpose === 'maskable'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('every file of the build is precached by content hash', async () => {
  const sw = readFileSync(join(root, 'sw.js'), 'utf8');
  const list = JSON.parse(sw.match(/const PRECACHE = (.*);/)[1]);
  const names = list.map(([f]) => f);
  for (const f of ['index.html', 'manifest.webmanifest', 'sw-register.js', 'icons/icon-192.png']) assert.ok(names.includes(f), f);
  assert.ok(names.some((f) => f.endsWith('.wasm')), 'the wasm module');
  assert.ok(!names.includes('sw.js'));
  for (const [, h] of list) assert.match(h, /^[0-9a-f]{16}$/);
});

test('after one visit the app reloads offline with the last workbook from IndexedDB', async () => {
  const { context, page, errors } = await open();
  await page.locator('#cell-0-0').click();
  await page.keyboard.type('离线');
  await page.keyboard.press('Enter');
  // The autosave (600 ms after the edit, when idle) is in IndexedDB, not localStorage.
  await idbWaitFor(page, 'kpi-sandbox.autosave', '离线');
  assert.equal(await page.evaluate(() => localStorage.getItem('kpi-sandbox.autosave')), null);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('grid').waitFor();
  assert.equal(await page.locator('#cell-0-0').innerText(), '离线');
  assert.equal(await page.getByTestId('counts').innerText(), '30 名客服 · 19 列');
  // It works, not just shows: an edit offline.
  await page.locator('#cell-1-0').click();
  await page.keyboard.type('车上');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#cell-1-0').innerText(), '车上');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a second build is offered, never forced, and taken on a click', async () => {
  const { context, page } = await open();
  const oldKeys = await page.evaluate(() => caches.keys());
  await page.evaluate(() => { window.__first = true; });
  // "Build 2": a changed file and its new precache list.
  appendFileSync(join(root, 'sw-register.js'), '\n// build 2\n');
  const { version } = writeServiceWorker(root);
  assert.ok(!oldKeys.includes(`kpi-sandbox-${version}`));
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  const offer = page.getByTestId('update-offer');
  await offer.waitFor({ timeout: 15000 });
  assert.match(await offer.innerText(), /新版本可用/);
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.__first), true, 'no reload until asked');
  await Promise.all([
    page.waitForEvent('load'),
    offer.getByRole('button', { name: '刷新' }).click(),
  ]);
  await page.getByRole('grid').waitFor();
  assert.equal(await page.evaluate(() => window.__first), undefined, 'reloaded');
  const keys = await page.evaluate(() => caches.keys());
  assert.deepEqual(keys, [`kpi-sandbox-${version}`], 'the old build\'s cache is gone');
  await context.close();
});

test('two tabs on one workbook: the other is told and nothing is overwritten silently', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const a = await context.newPage();
  await a.goto(srv.url);
  await a.getByRole('grid').waitFor();
  const b = await context.newPage();
  await b.goto(srv.url);
  await b.getByRole('grid').waitFor();
  await a.locator('#cell-0-0').click();
  await a.keyboard.type('甲页');
  await a.keyboard.press('Enter');
  await idbWaitFor(a, 'kpi-sandbox.autosave', '甲页');
  const notice = b.locator('.notice.error');
  await notice.waitFor();
  assert.match(await notice.innerText(), /另一个标签页保存了这份工作簿/);
  // B's edit is not autosaved over A's, and the notice stays.
  await b.locator('#cell-1-0').click();
  await b.keyboard.type('乙页');
  await b.keyboard.press('Enter');
  await b.waitForTimeout(1200);
  const saved = await idbGet(a, 'kpi-sandbox.autosave');
  assert.ok(saved.includes('甲页') && !saved.includes('乙页'), 'A\'s version kept');
  assert.match(await notice.innerText(), /另一个标签页/);
  await context.close();
});

test('the library shows the storage used and free, and asks to keep it persistently', async () => {
  const { context, page, errors } = await open();
  await page.getByTestId('lib-open').click();
  const info = page.getByTestId('storage-info');
  await info.waitFor();
  await page.waitForFunction(() => /已用 .+，约还可用 .+。/.test(document.querySelector('[data-testid=storage-info]').innerText));
  // The autosave of the edit-free demo is small but not nothing once saved.
  assert.match(await info.innerText(), /工作簿库和自动保存保存在本浏览器的 IndexedDB 中/);
  const used = await page.evaluate(() => navigator.storage.estimate());
  assert.ok(used.quota > 0);
  const ask = page.getByTestId('storage-persist');
  if (await ask.count()) {
    await ask.click();
    // Chromium decides by its own rules; either answer is shown, with what it means.
    await page.waitForFunction(() => /持久保存/.test(document.querySelector('[data-testid=storage-info]').innerText));
  }
  assert.deepEqual(errors, []);
  await context.close();
});
