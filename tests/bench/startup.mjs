// Start-up: time from navigation to an interactive grid with the demo team,
// on the local dist server, in headless Chromium, cold (first visit, empty
// cache) and warm (second visit: HTTP cache and the service worker's
// precache). "Interactive" = the grid has its rows and a key press moves the
// cursor. Run by `make bench`; not a test (it asserts nothing about speed).
import { start } from '../e2e/browser.mjs';

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
  await page.close();
  return { tGrid, tOutside, rendered: marks.rendered };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const cold = [];
const warm = [];
for (let i = 0; i < RUNS; i++) {
  const context = await env.browser.newContext();
  cold.push(await once(context));
  warm.push(await once(context));
  await context.close();
}
console.log(`Start-up on localhost (Chromium ${env.browser.version()}), median of ${RUNS}:`);
console.log(`  cold: navigation → grid with rows ${median(cold.map((r) => r.tGrid))} ms (app rendered at ${median(cold.map((r) => r.rendered)).toFixed(0)} ms; ${median(cold.map((r) => r.tOutside))} ms as Playwright sees it)`);
console.log(`  warm: navigation → grid with rows ${median(warm.map((r) => r.tGrid))} ms (app rendered at ${median(warm.map((r) => r.rendered)).toFixed(0)} ms; ${median(warm.map((r) => r.tOutside))} ms as Playwright sees it)`);
await env.close();
