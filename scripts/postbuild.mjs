// Trunk post-build hook: moves Trunk's inline wasm loader <script> into an
// external ./boot-<hash>.js so the page's Content-Security-Policy can forbid
// every inline script, and drops the build-time nonce attributes (a nonce
// baked into a static file protects nothing).
//
// It also content-hashes the Web Worker (Trunk 0.21 names a worker's files
// after its binary, `worker.js` + `worker_bg.wasm`, unhashed): the wasm
// becomes worker-<hash>_bg.wasm, and the wasm-bindgen glue plus the call that
// starts it become one script worker-<hash>.js, whose name the page reads
// from <meta name="kpi-worker"> (src/ui/worker.rs). A deploy therefore never
// pairs a new page with a cached old worker. The URLs are relative: any
// sub-path works.
// Runs in TRUNK_STAGING_DIR during `trunk build` and `trunk serve`.
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { writeServiceWorker } from './sw-precache.mjs';
import { splitPage } from './split.mjs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
// First: the page's wasm split into the shell and one chunk per workspace
// (#16; scripts/split.mjs), so the loader below names the split files.
html = splitPage(dir, html);
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

const workerJs = join(dir, 'worker.js');
const workerWasm = join(dir, 'worker_bg.wasm');
if (existsSync(workerJs) && existsSync(workerWasm)) {
  const short = (data) => createHash('sha256').update(data).digest('hex').slice(0, 16);
  const wasmName = `worker-${short(readFileSync(workerWasm))}_bg.wasm`;
  renameSync(workerWasm, join(dir, wasmName));
  // A wasm that fails to load rejects a promise inside the worker, which the
  // page would never hear of: rethrow it as an uncaught error, which reaches
  // the page as the worker's `error` event.
  const script = readFileSync(workerJs, 'utf8').trim() +
    `\nwasm_bindgen({ module_or_path: './${wasmName}' })` +
    '.catch(function (e) { setTimeout(function () { throw e; }); });\n';
  const scriptName = `worker-${short(script)}.js`;
  writeFileSync(join(dir, scriptName), script);
  unlinkSync(workerJs);
  const meta = `<meta name="kpi-worker" content="./${scriptName}">`;
  if (!html.includes('</head>')) {
    console.error('postbuild: no </head> to put the worker name in');
    process.exit(1);
  }
  html = html.replace('</head>', `${meta}\n</head>`);
  console.log(`postbuild: worker hashed as ${scriptName} + ${wasmName}`);
} else {
  console.log('postbuild: no worker in this build');
}
writeFileSync(file, html);
console.log('postbuild: loader moved to an external script');

// ---- service worker precache (#20). Keep this LAST: it lists every file the
// steps above left in the staging dir, whatever they are (wasm, a Web
// Worker's files, icons), each with its content hash, so the worker never
// precaches a name that is not in this build (see scripts/sw-precache.mjs).
writeServiceWorker(dir);
