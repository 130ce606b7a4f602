// The built app as a phone sees it: initial JavaScript within budget, an installable manifest with
// icons, a service worker that keeps the shell but never the API, all served with the right types.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webDist } from '../../server/src/http/static.ts';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';

const BUDGET_BYTES = 100 * 1024;
let server: WebServer;

beforeAll(async () => {
  server = await startWebServer();
}, 240_000);

afterAll(async () => {
  await server?.close();
});

/** The scripts a first visit must download before anything shows: the entry and what it preloads or imports statically. */
function initialScripts(): string[] {
  const html = fs.readFileSync(path.join(webDist, 'index.html'), 'utf8');
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = fs.readFileSync(path.join(webDist, file), 'utf8');
    // Static imports between chunks (`import{…}from"./x.js"`); dynamic import() calls load later.
    for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w${},*\s]+from\s*)?["'](\.\/[^"']+\.js)["']/g)) queue.push(`/assets/${path.basename(m[1]!)}`);
  }
  return [...seen];
}

describe('the built web app on a phone', () => {
  it('keeps the initial JavaScript within 100 KB gzip, the family pages loading later', () => {
    const files = initialScripts();
    expect(files.length).toBeGreaterThan(0);
    const gzipped = files.reduce((sum, f) => sum + gzipSync(fs.readFileSync(path.join(webDist, f))).length, 0);
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
    // The report flow and the outbox are not part of it.
    expect(files.some((f) => /report-new|family-home|outbox/.test(f))).toBe(false);
    expect(fs.readdirSync(path.join(webDist, 'assets')).some((f) => f.startsWith('report-new.page-'))).toBe(true);
  });

  it('serves an installable manifest whose icons exist, linked from the shell with a theme colour', async () => {
    const shell = await (await fetch(`${server.baseUrl}/`)).text();
    expect(shell).toContain('<link rel="manifest" href="/manifest.webmanifest"');
    expect(shell).toMatch(/<meta name="theme-color" content="#[0-9a-f]{6}"/);
    const res = await fetch(`${server.baseUrl}/manifest.webmanifest`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/manifest+json');
    const manifest = (await res.json()) as { name: string; start_url: string; display: string; theme_color: string; icons: { src: string; sizes: string; type: string }[] };
    expect(manifest).toMatchObject({ name: 'Atensi Mobility', start_url: '/', display: 'standalone' });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    for (const size of ['192x192', '512x512']) expect(manifest.icons.some((i) => i.sizes === size && i.type === 'image/png')).toBe(true);
    for (const icon of manifest.icons) {
      const r = await fetch(`${server.baseUrl}${icon.src}`);
      expect(r.status, icon.src).toBe(200);
      expect(r.headers.get('content-type'), icon.src).toContain(icon.type);
    }
  });

  it('serves a service worker script that caches the shell and assets but leaves /api alone', async () => {
    const res = await fetch(`${server.baseUrl}/sw.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    const code = await res.text();
    expect(code).toContain("url.pathname.startsWith('/api/')");
    expect(code).toMatch(/addEventListener\('fetch'/);
  });
});
