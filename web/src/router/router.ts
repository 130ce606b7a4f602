// History API navigation: same-origin <a href> clicks become pushState, and back/forward re-render.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Listener = () => void;
const listeners = new Set<Listener>();

function notify() {
  for (const listener of listeners) listener();
}

/** Goes to an in-app address; `replace` rewrites the current history entry instead of adding one. */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  const url = new URL(href, location.href);
  const target = url.pathname + url.search + url.hash;
  if (target === location.pathname + location.search + location.hash && !options.replace) return;
  if (options.replace) history.replaceState(null, '', target);
  else history.pushState(null, '', target);
  window.scrollTo(0, 0);
  notify();
}

/** Changes the query string without a navigation, for state such as a search box (no re-render). */
export function replaceQuery(params: Record<string, string | undefined>): void {
  const url = new URL(location.href);
  for (const [key, value] of Object.entries(params)) {
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  history.replaceState(null, '', url.pathname + url.search + url.hash);
}

/** Calls `listener` after every in-app navigation and back/forward; returns the unsubscribe. */
export function onNavigation(listener: Listener): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function linkTarget(event: MouseEvent): URL | undefined {
  if (event.defaultPrevented || event.button !== 0) return undefined;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return undefined;
  const anchor = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
  if (!anchor || anchor.target || anchor.hasAttribute('download')) return undefined;
  const href = anchor.getAttribute('href');
  if (!href || href.startsWith('#')) return undefined;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return undefined;
  return url;
}

function onClick(event: MouseEvent) {
  const url = linkTarget(event);
  if (!url) return;
  event.preventDefault();
  navigate(url.href);
}

/** Gives its host the current path and re-renders it on every navigation. */
export class RouterController implements ReactiveController {
  pathname = location.pathname;
  /** Counts navigations, so the host can tell a new page from a re-render. */
  version = 0;

  private readonly listener = () => {
    this.pathname = location.pathname;
    this.version += 1;
    this.host.requestUpdate();
  };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    listeners.add(this.listener);
    window.addEventListener('popstate', this.listener);
    document.addEventListener('click', onClick);
  }

  hostDisconnected(): void {
    listeners.delete(this.listener);
    window.removeEventListener('popstate', this.listener);
    document.removeEventListener('click', onClick);
  }
}
