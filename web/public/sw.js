// Atensi Mobility service worker: keeps the app shell and its content-hashed assets on the phone so
// the app opens with a weak or no connection. It never touches /api (live data, sessions, reports:
// offline reports wait in the page's IndexedDB outbox instead).
const SHELL_CACHE = 'atensi-shell-v1';
const ASSET_CACHE = 'atensi-assets-v1';
const SHELL = '/index.html';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL_CACHE);
      const res = await fetch('/', { cache: 'no-cache' });
      if (!res.ok) return;
      const html = await res.clone().text();
      await shell.put(SHELL, res);
      await shell.addAll(['/manifest.webmanifest', '/favicon.svg', '/icons/icon.svg']).catch(() => undefined);
      // The entry script and stylesheet the shell names (hashed, so safe to keep for ever).
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      await (await caches.open(ASSET_CACHE)).addAll(assets).catch(() => undefined);
    })(),
  );
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  const keep = [SHELL_CACHE, ASSET_CACHE];
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (!keep.includes(key)) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

/** Network first for pages (fresh code when online), the cached shell when offline. */
async function page(request) {
  try {
    const res = await fetch(request);
    if (res.ok && (res.headers.get('content-type') || '').includes('text/html')) {
      await (await caches.open(SHELL_CACHE)).put(SHELL, res.clone());
    }
    return res;
  } catch (err) {
    const cached = await caches.match(SHELL, { cacheName: SHELL_CACHE });
    if (cached) return cached;
    throw err;
  }
}

/** Cache first for hashed assets: a name never changes content. Lazily loaded chunks join on first use. */
async function asset(request) {
  const cached = await caches.match(request, { cacheName: ASSET_CACHE });
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok) await (await caches.open(ASSET_CACHE)).put(request, res.clone());
  return res;
}

/** Other static files (icons, manifest): the network when it answers, else the cached copy. */
async function staticFile(request) {
  try {
    const res = await fetch(request);
    if (res.ok) await (await caches.open(SHELL_CACHE)).put(request, res.clone());
    return res;
  } catch (err) {
    const cached = await caches.match(request, { cacheName: SHELL_CACHE });
    if (cached) return cached;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Never the API (and nothing from elsewhere): the browser handles those as if there were no worker.
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
  else if (/^\/(favicon\.svg|manifest\.webmanifest|icons\/)/.test(url.pathname)) event.respondWith(staticFile(request));
});
