/** Recent search queries, newest first, kept in localStorage. */
import { createStore } from './store';

const MAX = 12;

export const recentQueries = createStore<string[]>([], 'baoku.recentQueries', (v) =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, MAX) : undefined,
);

export function rememberQuery(q: string): void {
  const t = q.trim();
  if (!t) return;
  recentQueries.set((list) => [t, ...list.filter((x) => x !== t)].slice(0, MAX));
}

export function forgetQueries(): void {
  recentQueries.set([]);
}
