// Produces tests/fixtures/storage/main-localstorage.json: what a build that
// kept everything in localStorage (main before #20's IndexedDB move, commit
// b84c801) leaves in the browser after a manager saved two workbooks into the
// library and edited the autosaved one. Run it against THAT build's dist/:
//   node scripts/gen_storage_fixture.mjs DIST_DIR [OUT]
// The migration e2e (tests/e2e/storage.test.mjs) loads the dump into a fresh
// browser and opens it with today's build.
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/serve.mjs';
import { CHROMIUM } from '../tests/e2e/browser.mjs';

const [dist = 'dist', out = 'tests/fixtures/storage/main-localstorage.json'] = process.argv.slice(2);
const srv = await serve({ root: dist });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'], headless: true });
const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
const page = await context.newPage();
await page.goto(srv.url);
await page.getByRole('grid').waitFor();
const edit = async (cell, text) => {
  await page.locator(cell).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
};
// Library entry 1: the demo with the first agent renamed.
await edit('#cell-0-0', '迁移甲');
await page.getByTestId('lib-open').click();
await page.fill('#lib-name', '十一月旧版');
await page.getByTestId('lib-save').click();
await page.getByTestId('lib-table').waitFor();
// Library entry 2: a second change.
await edit('#cell-1-0', '迁移乙');
await page.fill('#lib-name', '第二份');
await page.getByTestId('lib-save').click();
await page.waitForFunction(() => (localStorage.getItem('kpi-sandbox.library') || '').includes('第二份'));
// The autosave: one more change.
await edit('#cell-2-0', '自动保存丙');
await page.waitForFunction(() => (localStorage.getItem('kpi-sandbox.autosave') || '').includes('自动保存丙'));
const dump = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
writeFileSync(out, JSON.stringify(dump, null, 1) + '\n');
console.log(`${out}: ${Object.keys(dump).length} keys (${Object.keys(dump).join(', ')})`);
await browser.close();
await new Promise((ok) => srv.server.close(ok));
