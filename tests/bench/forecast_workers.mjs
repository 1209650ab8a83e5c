// Forecast in workers (#16): drives the built app in headless Chromium with a
// 500-agent team and the demo plan and payout model, runs the 10,000-month
// forecast with 1, 2 and navigator.hardwareConcurrency workers (the count is
// set by overriding hardwareConcurrency before the page loads), and reports
// the wall time from the click to the result and the longest main-thread
// task during it (PerformanceObserver "longtask", > 50 ms), all in one page
// per count: the first run includes starting the workers. Then the cliff
// scan of the same team, twice.
// Not a test: it asserts nothing about time; figures go to BENCHMARKS.md.
// Run after `trunk build --release --offline`: node tests/bench/forecast_workers.mjs
// Each count runs once to start its workers, then BENCH_RUNS times (5), and
// the summary gives the median, fastest and slowest of those.
// BENCH_PROFILE=1 also samples the page's main thread (CDP Profiler) during
// the second run and prints, for every busy stretch over 50 ms, where its
// time went (self time by function).
import { start } from '../e2e/browser.mjs';

const PROFILE = process.env.BENCH_PROFILE === '1';
// BENCH_TIMELINE=1 prints when each message went to and came from a worker.
const TIMELINE = process.env.BENCH_TIMELINE === '1';
// Runs after the first of each worker count (the median goes in the summary).
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** Busy stretches of a CPU profile (samples between idle ones) over `min` ms, with their top functions. */
function stretches(profile, min = 50) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const name = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  const out = [];
  let cur = null;
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const idle = n.callFrame.functionName === '(idle)';
    if (idle) {
      if (cur && cur.ms > min) out.push(cur);
      cur = null;
      continue;
    }
    cur ??= { ms: 0, self: new Map() };
    cur.ms += dt;
    const k = name(n);
    cur.self.set(k, (cur.self.get(k) ?? 0) + dt);
  }
  if (cur && cur.ms > min) out.push(cur);
  return out.map((s) => ({ ms: s.ms, top: [...s.self].sort((a, b) => b[1] - a[1]).slice(0, 8) }));
}

const env = await start();
const rows = ['客服昵称\t分组\t询单人数\t询单转化率\t客单价\t客服销售额\t首次响应时间\t回复率\t客户满意度\t出勤天数\t质检得分'];
for (let i = 0; i < 500; i++) {
  rows.push(`客服${String(i).padStart(4, '0')}\t售前\t${100 + (i % 900)}\t${(30 + (i % 25)).toFixed(2)}%\t${(100 + (i % 300) * 0.5).toFixed(2)}\t${20000 + (i % 97) * 1000}\t${20 + (i % 40)}\t${(90 + (i % 10)).toFixed(1)}%\t${(88 + (i % 12)).toFixed(1)}%\t${16 + (i % 11)}\t${70 + (i % 30)}`);
}
const tsv = rows.join('\n');
const probe = await env.browser.newContext();
const cores = await (await probe.newPage()).evaluate(() => navigator.hardwareConcurrency);
await probe.close();

const counts = [...new Set([1, 2, Math.min(8, Math.max(1, cores))])];
console.log(`Forecast 10,000 months × 500 agents (demo plan) in Chromium ${env.browser.version()}, hardwareConcurrency ${cores}`);
for (const n of counts) {
  const context = await env.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  await context.addInitScript((k) => { Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => k }); }, n);
  const page = await context.newPage();
  page.on('crash', () => console.log('  (page crashed)'));
  page.on('pageerror', (e) => console.log('  page error:', String(e)));
  await page.goto(env.url);
  await page.getByRole('grid').waitFor();
  await page.locator('.grid-wrap').focus();
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
  }, tsv);
  await page.getByTestId('import-preview').waitFor();
  await page.getByRole('button', { name: /确认导入/ }).click();
  await page.getByRole('tab', { name: '奖金' }).click();
  await page.getByTestId('pay-total').waitFor();
  // Let the import's own idle work (the autosave of 500 agents, ≈ 0.1 s on
  // this machine) finish first: it is not the forecast's.
  await page.waitForTimeout(2500);
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
      .observe({ type: 'longtask', buffered: false });
  });
  if (TIMELINE) {
    // Every message to and from the workers, stamped on the page's clock.
    await page.evaluate(() => {
      window.__tl = [];
      const kind = (d) => (Array.isArray(d) ? String(d[0]) : typeof d);
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (d, t) {
        if (!this.__id) {
          this.__id = (window.__wid = (window.__wid ?? 0) + 1);
          this.addEventListener('message', (e) => window.__tl.push([performance.now(), this.__id, '<', kind(e.data)]));
        }
        window.__tl.push([performance.now(), this.__id, '>', kind(d)]);
        return post.call(this, d, t);
      };
    });
  }
  const times = [];
  for (const run of ['first (starts workers)', ...Array.from({ length: RUNS }, (_, i) => `run ${i + 2}`)]) {
    if (TIMELINE) await page.evaluate(() => { window.__tl = []; });
    await page.evaluate(() => { window.__long = []; });
    const cdp = PROFILE && run === 'run 2' ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const ms = await page.evaluate(() => new Promise((done) => {
      // Running disables the run button; finishing (or a failure) enables it again.
      const button = document.querySelector('[data-testid=mc-run]');
      const t0 = performance.now();
      let started = false;
      const poll = () => {
        const b = document.querySelector('[data-testid=mc-run]');
        if (b.disabled) started = true;
        else if (started) return done(performance.now() - t0);
        if (performance.now() - t0 > 120_000) return done(-1);
        setTimeout(poll, 2);
      };
      button.click();
      poll();
    }));
    if (ms < 0) console.log('  timed out; panel says:', (await page.locator('#mc-title').locator('..').innerText()).slice(-300));
    const longs = await page.evaluate(() => window.__long);
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      for (const st of stretches(profile)) {
        console.log(`    busy ${st.ms.toFixed(0)} ms:`);
        for (const [k, v] of st.top) console.log(`      ${v.toFixed(1).padStart(7)} ms  ${k}`);
      }
      await cdp.detach();
    }
    if (TIMELINE) {
      const tl = await page.evaluate(() => window.__tl);
      const t0 = tl.length ? tl[0][0] : 0;
      const seen = new Set();
      for (const [t, w, dir, k] of tl) {
        // The first and the last of each run of equal messages.
        const key = `${w}${dir}${k}`;
        const last = tl.filter((x) => `${x[1]}${x[2]}${x[3]}` === key).pop();
        if (!seen.has(key)) { seen.add(key); console.log(`    +${(t - t0).toFixed(0).padStart(5)} ms  worker ${w} ${dir} ${k}`); }
        else if (last[0] === t) console.log(`    +${(t - t0).toFixed(0).padStart(5)} ms  worker ${w} ${dir} ${k} (last)`);
      }
    }
    if (run !== 'first (starts workers)') times.push(ms);
    const note = await page.getByTestId('mc-note').innerText().catch(() => '');
    console.log(`  ${String(n).padStart(2)} worker(s), ${run.padEnd(22)} ${ms.toFixed(0).padStart(6)} ms; longest main-thread task ${Math.max(0, ...longs).toFixed(0)} ms (${longs.length} over 50 ms)  ${note}`);
  }
  if (times.length) {
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    console.log(`  ${String(n).padStart(2)} worker(s): median of ${times.length} runs after the first ${median.toFixed(0)} ms (fastest ${sorted[0].toFixed(0)}, slowest ${sorted[sorted.length - 1].toFixed(0)})`);
  }
  // The cliff scan of the same 500 agents (every metric the demo plan and
  // model read, one step up and down per agent), in the same workers.
  for (const run of ['first', 'second']) {
    await page.evaluate(() => { window.__long = []; });
    const ms = await page.evaluate(() => new Promise((done) => {
      const button = document.querySelector('[data-testid=cliff-run]');
      const t0 = performance.now();
      let started = false;
      const poll = () => {
        const b = document.querySelector('[data-testid=cliff-run]');
        if (b.disabled) started = true;
        else if (started) return done(performance.now() - t0);
        if (performance.now() - t0 > 120_000) return done(-1);
        setTimeout(poll, 2);
      };
      button.click();
      poll();
    }));
    const longs = await page.evaluate(() => window.__long);
    console.log(`  ${String(n).padStart(2)} worker(s), cliff scan ${run.padEnd(11)} ${ms.toFixed(0).padStart(6)} ms; longest main-thread task ${Math.max(0, ...longs).toFixed(0)} ms (${longs.length} over 50 ms)`);
  }
  await context.close();
}
await env.close();
