// Phone features started with the app: the service worker (production builds only, so development
// always serves fresh code) and the outbox that sends reports made offline.
/// <reference types="vite/client" />
export function startPwa(): void {
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    const register = () => void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
  }
  // Loaded apart from the initial bundle: most sessions have nothing waiting to send.
  void import('../data/outbox.ts').then((m) => m.startOutbox());
}
