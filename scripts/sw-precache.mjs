// Writes <root>/sw.js from scripts/sw-template.js with the precache list of
// every file under <root> (sw.js itself excepted) and its content hash
// (sha-256, 16 hex digits). The worker's version is the hash of that list,
// so any changed, added or removed file makes a new worker, which the
// browser sees as an update. Called last by scripts/postbuild.mjs; the e2e
// update test calls it again on a changed copy of dist/ ("a second build").
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

export function precacheList(root) {
  const files = [];
  const walk = (rel) => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.isFile() && r !== 'sw.js') files.push(r);
    }
  };
  walk('');
  files.sort();
  return files.map((f) => [f, createHash('sha256').update(readFileSync(join(root, f))).digest('hex').slice(0, 16)]);
}

export function writeServiceWorker(root) {
  const list = precacheList(root);
  const version = createHash('sha256').update(JSON.stringify(list)).digest('hex').slice(0, 16);
  const template = readFileSync(new URL('./sw-template.js', import.meta.url), 'utf8');
  const sw = template.replace('__PRECACHE__', JSON.stringify(list)).replace('__VERSION__', version);
  writeFileSync(join(root, 'sw.js'), sw);
  console.log(`postbuild: sw.js precaches ${list.length} files (version ${version})`);
  return { list, version };
}
