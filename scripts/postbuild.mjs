// Trunk post-build hook: moves Trunk's inline wasm loader <script> into an
// external ./boot-<hash>.js so the page's Content-Security-Policy can forbid
// every inline script, and drops the build-time nonce attributes (a nonce
// baked into a static file protects nothing).
// Runs in TRUNK_STAGING_DIR during `trunk build` and `trunk serve`.
import { readFileSync, writeFileSync } from 'node:fs';
import { writeServiceWorker } from './sw-precache.mjs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
const inline = /<script type="module"([^>]*)>([\s\S]*?)<\/script>/g;
let count = 0;
html = html.replace(inline, (whole, attrs, body) => {
  if (/\bsrc=/.test(attrs) || !body.trim()) return whole;
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const name = `boot-${hash}.js`;
  writeFileSync(join(dir, name), body.trim() + '\n');
  count += 1;
  return `<script type="module" src="./${name}"></script>`;
});
html = html.replace(/\s+nonce="[^"]*"/g, '');
if (count !== 1) {
  console.error(`postbuild: expected one inline loader script, found ${count}`);
  process.exit(1);
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('postbuild: an inline script is left, which the CSP would block');
  process.exit(1);
}
writeFileSync(file, html);
console.log('postbuild: loader moved to an external script');

// ---- service worker precache (#20). Keep this LAST: it lists every file the
// steps above left in the staging dir, whatever they are (wasm, a Web
// Worker's files, icons), each with its content hash, so the worker never
// precaches a name that is not in this build (see scripts/sw-precache.mjs).
writeServiceWorker(dir);
