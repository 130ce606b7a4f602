// Serves the built web app (with a fallback to index.html for client-side routes) and the API docs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const webDist = path.join(root, 'web', 'dist');
const swaggerDist = path.relative(process.cwd(), path.join(root, 'node_modules', 'swagger-ui-dist'));

const docsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Atensi Mobility API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

const docsInit = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', withCredentials: true });`;

export function mountDocs(app: Hono<AppEnv>) {
  app.get('/api/docs', (c) => c.html(docsPage));
  app.get('/api/docs/init.js', (c) => c.body(docsInit, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.use(
    '/api/docs/assets/*',
    serveStatic({ root: swaggerDist, rewriteRequestPath: (p) => p.replace(/^\/api\/docs\/assets/, '') }),
  );
}

export function mountWeb(app: Hono<AppEnv>) {
  const dist = path.relative(process.cwd(), webDist);
  app.use('/assets/*', serveStatic({ root: dist, onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }));
  app.use('*', serveStatic({ root: dist }));
  // Client-side routes: any other GET outside /api gets the app shell.
  app.get('*', (c) => {
    const index = path.join(webDist, 'index.html');
    if (!fs.existsSync(index)) return c.text('The web app is not built: run `npm run build`.', 503);
    return c.html(fs.readFileSync(index, 'utf8'));
  });
}
