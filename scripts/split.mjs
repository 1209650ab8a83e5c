// Code splitting of the page's wasm (#16: the first load), run by the
// post-build hook (scripts/postbuild.mjs) before anything else touches the
// staging dir.
//
// The page is built with the `split` feature: each workspace other than 数据
// is behind a `#[wasm_split]` point (src/ui/lazy.rs). Trunk 0.21 cannot split
// (trunk-rs/trunk#1022), so this step redoes the page's last stages from
// cargo's own output, which still carries the linker's relocations
// (.cargo/config.toml):
//   1. wasm-split-cli cuts it into the main module, one chunk per workspace
//      (plus small chunks shared by several) and the loader script;
//   2. wasm-bindgen (--target web, --keep-lld-exports: the chunks import the
//      main module's memory, table and functions by their export names)
//      writes the page's glue, as Trunk does;
//   3. wasm-opt -Oz (release only, as Trunk does for the page) on every wasm;
//   4. every file gets the main module's content hash in its name
//      (kpi-sandbox-<h>.js, kpi-sandbox-<h>_bg.wasm, split-<h>.js,
//      split-<h>-<chunk>.wasm), so a deploy never mixes files of two builds;
//      Trunk's unsplit page files are replaced in index.html (preload links
//      with new integrity hashes and the inline loader).
// URLs stay relative (`new URL(..., import.meta.url)`): any sub-path works.
// A build without split points (the feature off) is left as it is.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PAGE = 'kpi-sandbox';

function fail(msg) {
  console.error(`split: ${msg}`);
  process.exit(1);
}

function run(cmd, args) {
  try {
    execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    fail(`${cmd} failed: ${e.stderr ? e.stderr.toString() : e.message}`);
  }
}

const sha384 = (data) => 'sha384-' + createHash('sha384').update(data).digest('base64');
const short = (data) => createHash('sha256').update(data).digest('hex').slice(0, 16);

/** Splits the page in `dir` (Trunk's staging dir); returns the new index.html text. */
export function splitPage(dir, html) {
  const profile = process.env.TRUNK_PROFILE === 'release' ? 'release' : 'debug';
  const source = process.env.TRUNK_SOURCE_DIR || process.cwd();
  const target = process.env.CARGO_TARGET_DIR || join(source, 'target');
  const raw = join(target, 'wasm32-unknown-unknown', profile, `${PAGE}.wasm`);
  let input;
  try {
    input = readFileSync(raw);
  } catch {
    fail(`cargo's output ${raw} is missing`);
  }
  if (!input.includes('__wasm_split_00')) {
    console.log('split: no split points in this build (feature `split` off)');
    return html;
  }
  const old = readdirSync(dir).filter((f) => f.startsWith(`${PAGE}-`) && (f.endsWith('.js') || f.endsWith('_bg.wasm')));
  if (old.length !== 2) fail(`expected Trunk's two page files, found ${old.join(', ') || 'none'}`);

  const tmp = mkdtempSync(join(tmpdir(), 'kpi-split-'));
  try {
    const parts = join(tmp, 'parts');
    const bound = join(tmp, 'bound');
    run('wasm-split-cli', [raw, parts, '--out-name', 'page']);
    run('wasm-bindgen', [join(parts, 'page.wasm'), '--out-dir', bound, '--target', 'web',
      '--no-typescript', '--keep-lld-exports', '--out-name', 'page']);
    const chunks = readdirSync(parts).filter((f) => f.endsWith('.wasm') && f !== 'page.wasm');
    if (chunks.length === 0) fail('wasm-split-cli wrote no chunks');
    const optimise = (file) => {
      if (profile === 'release') run('wasm-opt', ['-Oz', file, '-o', file]);
      return readFileSync(file);
    };
    const mainWasm = optimise(join(bound, 'page_bg.wasm'));
    const h = short(mainWasm);
    const names = { js: `${PAGE}-${h}.js`, wasm: `${PAGE}-${h}_bg.wasm`, loader: `split-${h}.js` };

    let loader = readFileSync(join(parts, '__wasm_split.js'), 'utf8');
    if (!loader.includes('"./page.js"')) fail('the loader does not import ./page.js');
    loader = loader.replaceAll('"./page.js"', `"./${names.js}"`);
    for (const c of chunks) {
      const chunk = optimise(join(parts, c));
      const name = `split-${h}-${c}`;
      const ref = `"./${c}"`;
      if (!loader.includes(ref)) fail(`the loader does not name ${c}`);
      loader = loader.replaceAll(ref, `"./${name}"`);
      writeFileSync(join(dir, name), chunk);
    }
    writeFileSync(join(dir, names.loader), loader);

    let glue = readFileSync(join(bound, 'page.js'), 'utf8');
    // Only the import statement: the wasm's import module keeps its name.
    for (const q of ['"', "'"]) glue = glue.replaceAll(`from ${q}./__wasm_split.js${q}`, `from ${q}./${names.loader}${q}`);
    if (!glue.includes(names.loader)) fail('the page glue does not import the loader');
    glue = glue.replaceAll('page_bg.wasm', names.wasm);
    writeFileSync(join(dir, names.js), glue);
    writeFileSync(join(dir, names.wasm), mainWasm);

    // Point index.html (preload links, the inline loader) at the new files.
    for (const f of old) {
      const now = f.endsWith('.js') ? names.js : names.wasm;
      const data = f.endsWith('.js') ? glue : mainWasm;
      if (!html.includes(f)) fail(`index.html does not name ${f}`);
      html = html.replace(new RegExp(`(href="\\./${f.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]*"`), `$1${sha384(data)}"`);
      html = html.replaceAll(f, now);
      unlinkSync(join(dir, f));
    }
    console.log(`split: page ${names.wasm} + ${chunks.length} chunks (${profile})`);
    return html;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
