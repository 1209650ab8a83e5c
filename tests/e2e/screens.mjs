// Screenshots of every workspace at 1366 px and 390 px, in Chinese and
// English (#15), to look at by eye: `trunk build --release --offline`, then
// `node tests/e2e/screens.mjs` writes screenshots/ws-<tab>-<lang>-<width>.png
// (git-ignored; SHOTS_TILE=1000 adds tiles of tall pages). Not part of `make test`: it asserts nothing but that the
// pages render without errors, and prints the English pages' Chinese leaks.
import { mkdirSync } from 'node:fs';
import { start } from './browser.mjs';
import { chineseLeaks, demoUserData, openAllDetails } from './english.mjs';

const TABS = ['data', 'plan', 'scores', 'pay', 'trends', 'qa'];
const only = process.argv.slice(2);
// SHOTS_TILE=1000 also writes each page in tiles of that height (…-t0.png, …-t1.png).
const TILE = Number(process.env.SHOTS_TILE || 0);
const env = await start();
mkdirSync('screenshots', { recursive: true });
const ud = demoUserData();
let failed = false;
try {
  for (const locale of ['zh-CN', 'en-US']) {
    for (const width of [1366, 390]) {
      const { page, context, errors } = await env.open({ locale, viewport: { width, height: 900 } });
      const en = locale.startsWith('en');
      for (const m of ['2026-09', '2026-10', '2026-11']) {
        await page.getByLabel(en ? 'Open file' : '打开文件').setInputFiles(`tests/fixtures/months/demo-${m}.tsv`);
        const preview = page.getByTestId('import-preview');
        await preview.waitFor();
        await page.locator('#import-month').fill(m);
        await preview.getByRole('button', { name: en ? /^Import \d+ agents/ : /确认导入/ }).click();
        await preview.waitFor({ state: 'detached' });
      }
      for (const tab of TABS) {
        if (only.length && !only.includes(tab)) continue;
        await page.locator(`#tab-${tab}`).click();
        await page.locator(`#panel-${tab}`).waitFor();
        if (tab === 'scores') await page.locator('[data-testid^="score-row-"]').first().click();
        await openAllDetails(page);
        await page.waitForTimeout(150);
        const path = `screenshots/ws-${tab}-${en ? 'en' : 'zh'}-${width}.png`;
        await page.screenshot({ path, fullPage: true });
        if (TILE) {
          // Tiles of TILE px height, for viewers that shrink a tall page unreadably.
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          const w = await page.evaluate(() => document.documentElement.scrollWidth);
          for (let y = 0, k = 0; y < height; y += TILE, k += 1) {
            await page.screenshot({ path: path.replace('.png', `-t${k}.png`), fullPage: true,
              clip: { x: 0, y, width: w, height: Math.min(TILE, height - y) } });
          }
        }
        if (en) {
          const leaks = await chineseLeaks(page, ud);
          if (leaks.length) console.log(`${path}: ${leaks.length} Chinese leaks, e.g. ${leaks.slice(0, 3).map((l) => l.text).join(' | ')}`);
        }
        console.log(path);
        if (tab === 'data') {
          // The import preview, with its mapping rows.
          await page.getByLabel(en ? 'Open file' : '打开文件').setInputFiles('tests/fixtures/months/demo-2026-11.tsv');
          const preview = page.getByTestId('import-preview');
          await preview.waitFor();
          const p2 = `screenshots/ws-import-${en ? 'en' : 'zh'}-${width}.png`;
          await preview.screenshot({ path: p2 });
          console.log(p2);
          await preview.getByRole('button', { name: en ? 'Cancel' : '取消' }).click();
        }
      }
      if (errors.length) { failed = true; console.error(`${locale} ${width}: page errors`, errors); }
      await context.close();
    }
  }
} finally {
  await env.close();
}
process.exit(failed ? 1 : 0);
