/**
 * A plain static server for previewing dist/ (and for the browser tests):
 * `npm run preview` → http://127.0.0.1:4321/. With SITE_BASE=/edu/ the site
 * is served under /edu/, as on a municipal server's sub-path.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

export function serve(dir: string, port = 0, base = '/', host = '127.0.0.1'): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send404 = () => {
      const nf = join(root, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      if (existsSync(nf)) createReadStream(nf).pipe(res);
      else res.end('Not found');
    };
    if (!path.startsWith(prefix)) return send404();
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) return send404();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { location: `${path}/` });
        return res.end();
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) return send404();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(port, host, () => {
      const addr = server.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      ok({ server, url: `http://${host}:${p}${prefix}` });
    }),
  );
}

// Run as a command (not imported by a test): the same file on every system, Windows paths included.
if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const dir = process.argv[2] ?? 'dist';
  const { url } = await serve(dir, Number(process.env.PORT ?? 4321), process.env.SITE_BASE ?? '/');
  console.log(`Сайт открыт по адресу ${url} (Ctrl+C — остановить)`);
}
