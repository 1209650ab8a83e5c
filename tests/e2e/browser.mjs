// Shared Playwright set-up: Debian's Chromium, headless, on a closed network.
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

/** Starts the dist server and a browser. Returns helpers and a close(). */
export async function start() {
  const srv = await serve();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  return {
    url: srv.url,
    origin: srv.origin,
    browser,
    /** A fresh context + page with the given locale; records every request and page error. */
    async open({ locale = 'zh-CN', viewport = { width: 1280, height: 800 }, path = '', serviceWorkers = 'allow' } = {}) {
      // serviceWorkers: 'block' keeps the offline cache out of a test that
      // routes requests (a service worker would answer them from its cache).
      const context = await browser.newContext({ locale, viewport, acceptDownloads: true, serviceWorkers });
      const page = await context.newPage();
      const requests = [];
      const errors = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      await page.goto(srv.url + path);
      await page.getByRole('grid').waitFor();
      return { context, page, requests, errors };
    },
    async close() {
      await browser.close();
      await new Promise((ok) => srv.server.close(ok));
    },
  };
}

/**
 * Asserts that `locator`'s text becomes `want` (string, or RegExp to match)
 * within `timeout` ms: the app renders asynchronously after an input event,
 * as a person would see it a frame later.
 */
export async function expectText(locator, want, timeout = 3000) {
  const deadline = Date.now() + timeout;
  let got;
  for (;;) {
    got = await locator.innerText();
    const ok = want instanceof RegExp ? want.test(got) : got === want;
    if (ok) return got;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`expected ${locator} to show ${want}, it shows ${JSON.stringify(got)}`);
}

/** Fires a real paste event carrying `text` on the grid, as Ctrl+V from Excel does. */
export async function paste(page, text) {
  await page.locator('.grid-wrap').focus();
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
  }, text);
}
