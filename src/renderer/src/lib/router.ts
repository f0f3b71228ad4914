/**
 * Hash routing (works from file:// in Electron and from the HTTP host):
 * `#/` search, `#/article/12`, `#/import`, `#/clippings`, `#/tags`, `#/settings`.
 * Each entry carries its depth in history.state so "back" knows whether
 * there is an in-app page to return to.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'search' }
  | { name: 'article'; id: number }
  | { name: 'import' }
  | { name: 'clippings' }
  | { name: 'tags' }
  | { name: 'settings' };

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#\/?/, '');
  const [head, arg] = h.split(/[/?]/);
  if (head === 'article' && arg && /^\d+$/.test(arg)) return { name: 'article', id: Number(arg) };
  if (head === 'import' || head === 'clippings' || head === 'tags' || head === 'settings') return { name: head };
  return { name: 'search' };
}

export function routeHash(r: Route): string {
  return r.name === 'search' ? '#/' : r.name === 'article' ? `#/article/${r.id}` : `#/${r.name}`;
}

const subs = new Set<() => void>();
let current = parseHash(window.location.hash);
let currentKey = window.location.hash;

function sync(): void {
  if (window.location.hash === currentKey) return;
  currentKey = window.location.hash;
  current = parseHash(currentKey);
  subs.forEach((f) => f());
}
window.addEventListener('popstate', sync);
window.addEventListener('hashchange', sync);

function depth(): number {
  const s = window.history.state as { baokuDepth?: number } | null;
  return s?.baokuDepth ?? 0;
}

export function navigate(r: Route, opts: { replace?: boolean } = {}): void {
  const hash = routeHash(r);
  if (hash === window.location.hash || (hash === '#/' && window.location.hash === '')) return;
  if (opts.replace) window.history.replaceState({ baokuDepth: depth() }, '', hash);
  else window.history.pushState({ baokuDepth: depth() + 1 }, '', hash);
  sync();
}

/** Back to the previous in-app page, or to search when there is none. */
export function goBack(): void {
  if (depth() > 0) window.history.back();
  else navigate({ name: 'search' }, { replace: true });
}

export function useRoute(): Route {
  return useSyncExternalStore(
    (f) => {
      subs.add(f);
      return () => subs.delete(f);
    },
    () => current,
  );
}
