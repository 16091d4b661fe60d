/**
 * Serves the built client. Hashed assets are cached for a year; index.html is never cached and
 * answers every other GET path so the client's routes work on reload.
 */
import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export function serveStatic(clientDir: string, pathname: string, res: http.ServerResponse): void {
  const root = path.resolve(clientDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    decoded = '/';
  }
  const candidate = path.resolve(root, '.' + path.posix.normalize(decoded));
  const inside = candidate === root || candidate.startsWith(root + path.sep);
  let file = inside && isFile(candidate) ? candidate : null;
  const isAsset = file !== null && decoded.startsWith('/assets/');
  if (!file) file = path.join(root, 'index.html');
  if (!isFile(file)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('The Ensemble client is not built yet. Run "npm start" (it builds it) or "npm run build".');
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  fs.createReadStream(file).pipe(res);
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
