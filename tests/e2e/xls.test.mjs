// End-to-end: old .xls and .ods files are read in the Web Worker (built by
// Trunk as a second wasm binary, content-hashed by scripts/postbuild.mjs),
// which the page fetches only when such a file is first opened. Damaged,
// password-protected and crashing files are refused with a message; a
// worker that cannot start or dies is reported; loaded data never changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { start, expectText } from './browser.mjs';

let env;
before(async () => { env = await start(); mkdirSync('screenshots', { recursive: true }); });
after(async () => { await env?.close(); });

const F = 'tests/fixtures/imports/';
const isWorker = (u) => /\/worker-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(u);
const DEMO = '30 名客服 · 19 列';

test('a plain load fetches nothing of the worker; the page names its hashed script', async () => {
  const { page, context, requests, errors } = await env.open({ locale: 'zh-CN' });
  await page.waitForTimeout(300);
  assert.deepEqual(requests.filter(isWorker), [], 'no worker request before first use');
  const script = await page.locator('meta[name=kpi-worker]').getAttribute('content');
  assert.match(script, /^\.\/worker-[0-9a-f]{16}\.js$/);
  const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  assert.match(csp, /worker-src 'self';/);
  assert.doesNotMatch(csp, /worker-src[^;]*blob/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('open the .xls export: worker starts, preview, import; then the .ods', async () => {
  const { page, context, requests, errors } = await env.open({ locale: 'zh-CN' });
  const input = page.getByLabel('打开文件');
  const preview = page.getByTestId('import-preview');
  const t0 = Date.now();
  await input.setInputFiles(F + 'chitu.xls');
  await expectText(preview.getByTestId('import-rows'), '3 名客服，9 列', 10000);
  console.log(`# .xls opened in ${Date.now() - t0} ms (first use, worker start included)`);
  const fetched = requests.filter(isWorker);
  assert.equal(fetched.length, 2, `the worker's script and wasm: ${fetched}`);
  assert.ok(fetched.every((u) => u.includes('/kpi-sandbox/sub/')), 'under the sub-path');
  await expectText(preview.getByTestId('import-dropped'), '已忽略汇总行：汇总');
  await expectText(preview, /第 1 行在表头之上（标题或说明），已跳过：赤兔名品/);
  await page.screenshot({ path: 'screenshots/import-xls-zh.png', fullPage: true });
  await page.getByRole('button', { name: '确认导入 3 名客服' }).click();
  await expectText(page.getByTestId('counts'), '3 名客服 · 9 列');
  await expectText(page.locator('#cell-0-0'), '小雨');
  await expectText(page.locator('#cell-1-0'), '阿杰');
  // A second file reuses the running worker (no new requests).
  const t1 = Date.now();
  await input.setInputFiles(F + 'chitu.ods');
  await expectText(preview.getByTestId('import-rows'), '3 名客服，9 列', 10000);
  console.log(`# .ods opened in ${Date.now() - t1} ms (worker running)`);
  assert.equal(requests.filter(isWorker).length, 2, 'the worker is kept');
  await page.getByRole('button', { name: '确认导入 3 名客服' }).click();
  await expectText(page.locator('#cell-2-0'), '南风');
  assert.deepEqual(errors, []);
  await context.close();
});

test('damaged, password-protected and crashing files are refused; nothing changes', async () => {
  const { page, context } = await env.open({ locale: 'zh-CN' });
  const input = page.getByLabel('打开文件');
  const preview = page.getByTestId('import-preview');
  const cases = [
    ['truncated.xls', /无法读取该 \.xls 文件/],
    ['password.xls', /该 \.xls 文件有密码保护/],
    ['truncated.ods', /无法读取该 \.ods 文件/],
    // calamine panics on this one: the worker's panic hook answers, the
    // worker stops, and the next file starts a fresh one.
    ['bad_dimensions.xls', /无法读取该 \.xls 文件/],
  ];
  for (const [file, want] of cases) {
    await input.setInputFiles(F + file);
    await expectText(preview, want, 10000);
    await page.getByRole('button', { name: '关闭' }).click();
    await expectText(page.getByTestId('counts'), DEMO);
  }
  await input.setInputFiles(F + 'chitu.xls');
  await expectText(preview.getByTestId('import-rows'), '3 名客服，9 列', 10000);
  await context.close();
});

test('a worker that cannot start is reported in the user language; nothing changes', async () => {
  // The offline cache would serve the worker's files whatever the route says.
  const { page, context } = await env.open({ locale: 'en-US', serviceWorkers: 'block' });
  await page.route(isWorker, (r) => r.abort());
  await page.getByLabel('Open file').setInputFiles(F + 'chitu.xls');
  await expectText(page.getByTestId('import-preview'), /The sheet reader could not start/, 10000);
  await page.screenshot({ path: 'screenshots/import-worker-failed-en.png', fullPage: true });
  await expectText(page.getByTestId('counts'), /30 agents/);
  // Once the files can be had, the next try starts it.
  await page.unroute(isWorker);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.getByLabel('Open file').setInputFiles(F + 'chitu.xls');
  await expectText(page.getByTestId('import-rows'), '3 agents, 9 columns', 10000);
  await context.close();
});

test('a worker that dies while reading is reported; nothing changes', async () => {
  const { page, context } = await env.open({ locale: 'zh-CN' });
  const input = page.getByLabel('打开文件');
  const preview = page.getByTestId('import-preview');
  await input.setInputFiles(F + 'chitu.ods');
  await expectText(preview.getByTestId('import-rows'), '3 名客服，9 列', 10000);
  await page.getByRole('button', { name: '取消' }).click();
  const [worker] = page.workers();
  assert.ok(worker, 'the worker runs');
  // Make its next request throw out of the handler, as a trap would.
  await worker.evaluate(() => { self.onmessage = () => { throw new Error('boom'); }; });
  await input.setInputFiles(F + 'chitu.xls');
  await expectText(preview, /表格读取程序意外停止（.*boom.*）/, 10000);
  await expectText(page.getByTestId('counts'), DEMO);
  await context.close();
});
