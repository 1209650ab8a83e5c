// A minimal static file server for dist/, on 127.0.0.1, used by the
// end-to-end tests and `make serve-dist`. It serves the app under a sub-path
// (default /kpi-sandbox/sub/) to prove that relative URLs work on any host.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, extname, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.png': 'image/png', '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

export async function serve({ root = 'dist', base = '/kpi-sandbox/sub/', port = 0 } = {}) {
  const rootAbs = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (!url.pathname.startsWith(base)) { res.writeHead(404); res.end('not found'); return; }
      let rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
      const file = normalize(join(rootAbs, rel));
      if (!file.startsWith(rootAbs)) { res.writeHead(403); res.end(); return; }
      const s = await stat(file).catch(() => null);
      const path = s && s.isFile() ? file : null;
      if (!path) { res.writeHead(404); res.end('not found'); return; }
      res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(await readFile(path));
    } catch (e) {
      res.writeHead(500); res.end(String(e));
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: actual } = server.address();
  return { server, origin: `http://127.0.0.1:${actual}`, url: `http://127.0.0.1:${actual}${base}` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT || 8081);
  const { url } = await serve({ port, base: process.env.BASE || '/' });
  console.log(`serving dist/ at ${url}`);
}
