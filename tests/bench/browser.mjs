// In-browser benchmarks: opens the built app at #bench in headless Chromium,
// waits for the figures the app measures with performance.now(), prints them.
// Run by `make bench` (after `trunk build --release`). Not a test: it asserts
// nothing about speed; figures go to BENCHMARKS.md.
import { start } from '../e2e/browser.mjs';

const env = await start();
const context = await env.browser.newContext();
const page = await context.newPage();
await page.goto(env.url + '#bench');
const pre = page.locator('#bench-results');
await pre.waitFor({ timeout: 300_000 });
const results = JSON.parse(await pre.innerText());
const version = env.browser.version();
console.log(`In-browser (Chromium ${version}, wasm release build), median ms:`);
for (const [k, v] of Object.entries(results)) console.log(`  ${k.padEnd(32)} ${v.toFixed(3)} ms`);
await context.close();
await env.close();
