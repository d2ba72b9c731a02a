/**
 * The built web UI, served from its folder: hashed assets cached for good, every other path answered with
 * index.html (the UI routes itself), under a Content-Security-Policy that allows only the UI's own scripts —
 * article text is rendered as text, and should anything slip, no inline or foreign script would run.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { Hono } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

export function mountUi(app: Hono, dir: string): void {
  const root = normalize(dir + sep);
  const file = (path: string): string | null => {
    const full = normalize(join(root, decodeURIComponent(path)));
    if (!full.startsWith(root)) return null;
    try {
      return statSync(full).isFile() ? full : null;
    } catch {
      return null;
    }
  };
  app.get('*', (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/openapi.json') return next();
    const asset = c.req.path !== '/' ? file(c.req.path) : null;
    const path = asset ?? file('index.html');
    if (!path) return c.text('the web UI is not built: run `npm start`, or `npx vite build` in src/serve/ui', 503);
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'cache-control': asset && c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (path.endsWith('.html')) {
      headers['content-security-policy'] = CSP;
      headers['referrer-policy'] = 'no-referrer';
    }
    return c.body(readFileSync(path), 200, headers);
  });
}
