// End-to-end: the page's code is split (#16; scripts/split.mjs, src/ui/lazy.rs).
// The first load fetches the shell and 数据 only; a workspace's chunk comes
// when its tab is opened (or in the background once the page is idle); a
// chunk that cannot be fetched is reported in the user's language with a
// retry, and the workbook stays as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, expectText } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const chunkName = (u) => (u.match(/split-[0-9a-f]{16}-([a-z_0-9]+)\.wasm$/) || [])[1];

test('the first load leaves the workspaces out; opening 奖金 fetches its chunk', async () => {
  const { page, context, requests, errors } = await env.open({ locale: 'zh-CN', serviceWorkers: 'block' });
  // The grid is up: only the page's own wasm so far, no workspace chunk.
  const wasm = requests.filter((u) => u.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one wasm before the first tab: ${wasm.join(', ')}`);
  assert.match(wasm[0], /kpi-sandbox-[0-9a-f]{16}_bg\.wasm$/);
  await page.getByRole('tab', { name: '奖金' }).click();
  await expectText(page.getByTestId('pay-total'), '¥16,080', 10_000);
  const chunks = requests.map(chunkName).filter(Boolean);
  assert.ok(chunks.includes('split_pay'), `奖金's chunk was fetched: ${chunks.join(', ')}`);
  // The background fetch brings every other workspace's chunk once idle,
  // the English texts, and 数据's on-demand code (exporter, import preview,
  // library, share panel): 10 chunks.
  await page.waitForFunction(() => performance.getEntriesByType('resource')
    .filter((e) => /split-[0-9a-f]{16}-split_[a-z]+\.wasm$/.test(e.name)).length === 10, null, { timeout: 15_000 });
  await page.getByRole('tab', { name: '质检' }).click();
  await page.getByRole('heading', { name: '质检团队测算' }).waitFor({ timeout: 2_000 });
  // Switching to English after that is immediate, and complete.
  await page.getByRole('button', { name: 'English' }).click();
  await expectText(page.getByRole('tab', { name: 'Payouts' }), 'Payouts', 2_000);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a chunk that cannot be fetched is reported; retry loads it; the workbook is untouched', async () => {
  const { page, context, errors } = await env.open({ locale: 'en-US', serviceWorkers: 'block' });
  let blocked = true;
  await page.route(/split-[0-9a-f]{16}-split_trends\.wasm$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  // An edit first: it must survive the failed load.
  await page.locator('#cell-0-2').click();
  await page.keyboard.type('4321');
  await page.keyboard.press('Enter');
  await expectText(page.locator('#cell-0-2'), /^4,?321$/);
  await page.getByRole('tab', { name: 'Trends' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await expectText(alert.locator('p'), /This workspace's code could not be loaded/, 10_000);
  await page.getByRole('tab', { name: 'Data' }).click();
  await expectText(page.locator('#cell-0-2'), /^4,?321$/);
  // Opening the tab again tries again (still offline: the message again).
  await page.getByRole('tab', { name: 'Trends' }).click();
  await expectText(alert.locator('p'), /could not be loaded/, 10_000);
  // Back online: Retry loads it.
  blocked = false;
  await page.getByRole('button', { name: 'Retry' }).click();
  await expectText(page.getByRole('tabpanel'), /at least two months/, 10_000);
  // The page's own errors: only the blocked fetch's console line(s).
  assert.deepEqual(errors.filter((e) => !/split_trends|Failed to fetch|net::ERR_INTERNET_DISCONNECTED|TypeError/.test(e)), []);
  await context.close();
});

test('a Chinese page switches to English before the English texts were fetched: the switch waits for them', async () => {
  const { page, context, requests, errors } = await env.open({ locale: 'zh-CN', serviceWorkers: 'block' });
  // Straight away (the background fetch waits for the page to settle).
  assert.equal(requests.filter((u) => /split_english\.wasm$/.test(u)).length, 0, 'not fetched before it is needed');
  await page.getByRole('button', { name: 'English' }).click();
  await expectText(page.getByRole('tab', { name: 'Data' }), 'Data', 5_000);
  assert.ok(requests.some((u) => /split_english\.wasm$/.test(u)));
  await expectText(page.locator('h1'), 'KPI Sandbox');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an English page whose English texts cannot be fetched opens in Chinese; switching says why', async () => {
  const context = await env.browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
  await context.route(/split_english\.wasm$/, (route) => route.abort('internetdisconnected'));
  const page = await context.newPage();
  await page.goto(env.url);
  await page.getByRole('grid').waitFor();
  await expectText(page.getByRole('tab', { name: '数据' }), '数据');
  await page.getByRole('button', { name: 'English' }).click();
  await expectText(page.getByRole('status').filter({ hasText: '英文' }), /英文界面的文字未能加载/, 5_000);
  await context.close();
});

test("数据's on-demand code comes on first use: the library opens on its first click, the export downloads, a preview that cannot load says so and 重试 shows it", async () => {
  const context = await env.browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block', acceptDownloads: true });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  let blocked = true;
  await context.route(/split-[0-9a-f]{16}-split_preview\.wasm$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  const page = await context.newPage();
  await page.goto(env.url);
  await page.getByRole('grid').waitFor();
  const chunks = () => requests.map(chunkName).filter(Boolean);
  for (const c of ['split_library', 'split_share', 'split_xlsx', 'split_preview']) assert.ok(!chunks().includes(c), `${c} is not in the first load`);
  // The library: one click fetches its code and opens it.
  await page.getByTestId('lib-open').click();
  await page.locator('#lib-name').waitFor({ timeout: 10_000 });
  assert.ok(chunks().includes('split_library'));
  // The .xlsx export fetches the exporter, then downloads.
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.getByTestId('export-xlsx').click()]);
  assert.match(d.suggestedFilename(), /\.xlsx$/);
  assert.ok(chunks().includes('split_xlsx'));
  // A paste whose preview code cannot be fetched: the message, nothing imported.
  await page.locator('#cell-0-2').click();
  const before = await page.locator('#cell-0-2').innerText();
  await page.getByRole('button', { name: '粘贴数据' }).click();
  await page.fill('#paste-text', '客服\t接待人数\n甲\t10\n乙\t12');
  await page.getByRole('button', { name: '预览' }).click();
  const card = page.getByTestId('import-preview');
  await expectText(card, /此功能的程序未能加载/, 10_000);
  // 重试 while still offline fetches the chunk again (a failure is not
  // kept), and says so again.
  const refetch = page.waitForRequest(/split-[0-9a-f]{16}-split_preview\.wasm$/, { timeout: 10_000 });
  await card.getByRole('button', { name: '重试' }).click();
  await refetch;
  await expectText(card, /此功能的程序未能加载/, 10_000);
  await card.getByRole('button', { name: '关闭' }).click();
  await expectText(page.locator('#cell-0-2'), before);
  // The same paste again, still offline; then online: 重试 shows its preview.
  await page.getByRole('button', { name: '预览' }).click();
  await expectText(card, /此功能的程序未能加载/, 10_000);
  blocked = false;
  await card.getByRole('button', { name: '重试' }).click();
  await expectText(card.getByTestId('import-rows'), /2 名客服/, 10_000);
  await expectText(page.locator('#cell-0-2'), before);
  await context.close();
});

test('a panel whose code came in the background opens on the first click (library, share)', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN', serviceWorkers: 'block' });
  // The background fetch brings the code while the placeholder buttons are
  // shown; the first click then re-renders them as the real, closed panels
  // and must still open them.
  await page.waitForFunction(() => performance.getEntriesByType('resource')
    .some((e) => /split-[0-9a-f]{16}-split_share\.wasm$/.test(e.name)), null, { timeout: 15_000 });
  await page.waitForTimeout(300);
  await page.getByTestId('share-open').click();
  await page.getByTestId('share-link').waitFor({ timeout: 5_000 });
  await page.getByTestId('lib-open').click();
  await page.locator('#lib-name').waitFor({ timeout: 5_000 });
  assert.deepEqual(errors, []);
  await context.close();
});
