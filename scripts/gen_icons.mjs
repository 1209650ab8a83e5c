// Renders the app icons (static/icons/*.png) from styles/favicon.svg with
// headless Chromium: 192 and 512 px, and a 512-px maskable one whose glyph
// sits inside the 80 % safe zone on a full-bleed background.
// Run: node scripts/gen_icons.mjs
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const svg = readFileSync('styles/favicon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const [name, size, maskable] of [['icon-192', 192, false], ['icon-512', 512, false], ['maskable-512', 512, true]]) {
  await page.setViewportSize({ width: size, height: size });
  const inner = maskable ? svg.replace('rx="6"', 'rx="0"') : svg;
  const pad = maskable ? Math.round(size * 0.1) : 0;
  await page.setContent(`<html><body style="margin:0;background:${maskable ? '#1f6feb' : 'transparent'}">
    <div style="width:${size}px;height:${size}px;box-sizing:border-box;padding:${pad}px">${inner.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body></html>`);
  await page.screenshot({ path: `static/icons/${name}.png`, omitBackground: !maskable });
}
await browser.close();
console.log('icons written to static/icons/');
