// In-browser benchmarks: opens the built app at #bench in headless Chromium,
// waits for the figures the app measures with performance.now(), prints them.
// Run by `make bench` (after `trunk build --release`). Not a test: it asserts
// nothing about speed; figures go to BENCHMARKS.md.
import { start } from '../e2e/browser.mjs';
import { runPeer } from './peer.mjs';

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

// The peer: HyperFormula on the same sheet, in this Chromium (see peer.mjs);
// BENCH_PEER=0 leaves it out (it takes minutes).
if (process.env.BENCH_PEER !== '0') {
  const sheet = JSON.parse(await page.locator('#bench-sheet').textContent());
  const peer = await runPeer(context, sheet);
  const ours = { build: results.formula_full_recalc_10k_x_10, edit: results.formula_edit_aggregated_input };
  console.log(`\nPeer: HyperFormula ${peer.version} in the same Chromium (JS); ours: the app's wasm. 10,000 agents × 10 formula columns:`);
  console.log(`  ${'what'.padEnd(34)} ${'ours'.padStart(10)} ${'HyperFormula'.padStart(14)} ${'ratio'.padStart(9)}`);
  for (const [name, a, b] of [['build + evaluate', ours.build, peer.build], ['edit one 客单价 (AVERAGE, RANK)', ours.edit, peer.edit]]) {
    console.log(`  ${name.padEnd(34)} ${a.toFixed(3).padStart(7)} ms ${b.toFixed(1).padStart(11)} ms ${(b / Math.max(a, 0.1)).toFixed(0).padStart(8)}×`);
  }
  console.log(`  sum of 综合 (both must agree): ours ${sheet.total.toFixed(6)}, HyperFormula ${peer.total.toFixed(6)}`);
  if (Math.abs(sheet.total - peer.total) > 1e-6 * Math.abs(sheet.total)) {
    console.log('  WARNING: the two engines disagree on the sheet; the comparison is not of the same work.');
  }
}
await context.close();
await env.close();
