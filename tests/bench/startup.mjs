// Start-up: time from navigation to an interactive grid with the demo team,
// on the local dist server, in headless Chromium, cold (first visit, empty
// cache) and warm (second visit: HTTP cache and the service worker's
// precache). "Interactive" = the grid has its rows and a key press moves the
// cursor. Run by `make bench`; not a test (it asserts nothing about speed).
import { start } from '../e2e/browser.mjs';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { basename, join } from 'node:path';

const RUNS = 7;
const env = await start();

async function once(context) {
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(env.url);
  // Measured inside the page (performance.now() is relative to navigation
  // start), polled every animation frame: not Playwright's own latency.
  const handle = await page.waitForFunction(
    () => document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]') ? performance.now() : 0,
    null, { polling: 'raf', timeout: 30_000 });
  const tGrid = Math.round(await handle.jsonValue());
  const tOutside = Date.now() - t0;
  const marks = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const m = performance.getEntriesByName('app-rendered')[0];
    return { rendered: m ? m.startTime : NaN, dcl: nav ? nav.domContentLoadedEventEnd : NaN };
  });
  // What the page fetched before it was interactive (#16: the first load).
  const fetched = await page.evaluate((t) => performance.getEntriesByType('resource')
    .filter((e) => e.responseEnd <= t).map((e) => e.name), tGrid);
  loadedBefore.push([env.url + 'index.html', ...fetched]);
  await page.close();
  return { tGrid, tOutside, rendered: marks.rendered };
}

const loadedBefore = [];
const english = [];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const cold = [];
const warm = [];
for (let i = 0; i < RUNS; i++) {
  const context = await env.browser.newContext({ locale: 'zh-CN' });
  cold.push(await once(context));
  warm.push(await once(context));
  await context.close();
}
// One cold visit by an English browser: its page waits for the English
// texts (a chunk of their own), so it fetches more before it is interactive.
{
  const context = await env.browser.newContext({ locale: 'en-US' });
  english.push(await once(context));
  await context.close();
}
console.log(`Start-up on localhost (Chromium ${env.browser.version()}), median of ${RUNS}:`);
console.log(`  cold: navigation → grid with rows ${median(cold.map((r) => r.tGrid))} ms (app rendered at ${median(cold.map((r) => r.rendered)).toFixed(0)} ms; ${median(cold.map((r) => r.tOutside))} ms as Playwright sees it)`);
console.log(`  warm: navigation → grid with rows ${median(warm.map((r) => r.tGrid))} ms (app rendered at ${median(warm.map((r) => r.rendered)).toFixed(0)} ms; ${median(warm.map((r) => r.tOutside))} ms as Playwright sees it)`);
// The first cold visit's files, gzip -9 each (the bundle budget's measure):
// a Chinese browser's (the first run) and the English one's (the last).
function firstLoad(urls) {
  const files = [...new Set(urls.map((u) => basename(new URL(u).pathname) || 'index.html'))];
  let gz = 0;
  for (const f of files) {
    try { gz += gzipSync(readFileSync(join('dist', f)), { level: 9 }).length; } catch { /* not a dist file */ }
  }
  return `${files.length} files, ${(gz / 1024).toFixed(1)} KB gzip (wasm: ${files.filter((f) => f.endsWith('.wasm')).join(', ')})`;
}
console.log(`  first load before the grid is interactive, zh-CN: ${firstLoad(loadedBefore[0])}`);
console.log(`  en-US cold: grid with rows ${english[0].tGrid} ms; first load ${firstLoad(loadedBefore[loadedBefore.length - 1])}`);
await env.close();
