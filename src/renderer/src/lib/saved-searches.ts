/**
 * The saved searches as the UI sees them: the list (reloaded whenever the
 * archive changes, e.g. after an import, when the `+N` counts are new), and
 * the actions on it. The counting itself is the archive's (see
 * `core/store/saved-searches.ts`); the list only reads the stored counts.
 */
import type { SavedSearch, SearchFilters, SortOrder } from '../../../shared/api';
import { api } from '../api-client';
import { archiveVersion } from './app-events';
import { notify } from './notify';
import { createStore } from './store';
import { searchState } from './use-search';

export const savedSearches = createStore<{ list: SavedSearch[]; error: string | null }>({ list: [], error: null });

let seq = 0;
export async function reloadSavedSearches(): Promise<void> {
  const my = ++seq;
  try {
    const list = await api.listSavedSearches({});
    if (my === seq) savedSearches.set({ list, error: null });
  } catch (e) {
    if (my === seq) savedSearches.set((s) => ({ ...s, error: (e as Error).message }));
  }
}
archiveVersion.subscribe(() => void reloadSavedSearches());

/** Why `name` cannot be used (shown under the field), or null. */
export function nameProblem(name: string, list: SavedSearch[], exceptId?: number): string | null {
  const n = name.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!n) return '请给这个搜索起个名字';
  if (n.length > 100) return '名字太长：最多 100 个字';
  if (list.some((s) => s.name === n && s.id !== exceptId)) return `已经有名为“${n}”的保存的搜索，请换一个名字`;
  return null;
}

/** A name to offer: the query itself, or what the filters say when there is no query. */
export function suggestName(query: string, filters: SearchFilters): string {
  const parts = [query.trim(), filters.reporter, filters.department, filters.topic, filters.paper].filter(Boolean);
  return (parts.join(' ') || '全部文章').slice(0, 40);
}

export async function saveCurrentSearch(name: string): Promise<SavedSearch> {
  const { query, filters, sort } = searchState.get();
  const s = await api.saveSearch({ name, query, filters, sort });
  await reloadSavedSearches();
  return s;
}

/** Open a saved search: its query, filters and sort become the search's, and its badge clears. */
export async function openSavedSearch(id: number): Promise<void> {
  const s = await api.openSavedSearch({ id });
  // The 去重 switch stays as the user set it: it is a view preference, not part of the saved search.
  searchState.set({ ...searchState.get(), query: s.query, filters: s.filters, sort: s.sort ?? 'relevance' });
  if (s.newBeforeOpening > 0) notify(`“${s.name}”：上次打开后新导入的文章中有 ${s.newBeforeOpening} 篇符合。`);
  await reloadSavedSearches();
}

export async function renameSavedSearch(id: number, name: string): Promise<void> {
  await api.renameSavedSearch({ id, name });
  await reloadSavedSearches();
}

export async function deleteSavedSearch(id: number): Promise<void> {
  await api.deleteSavedSearch({ id });
  await reloadSavedSearches();
}

/** Move one saved search up (-1) or down (+1). */
export async function moveSavedSearch(id: number, delta: -1 | 1): Promise<void> {
  const ids = savedSearches.get().list.map((s) => s.id);
  const i = ids.indexOf(id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= ids.length) return;
  [ids[i], ids[j]] = [ids[j], ids[i]];
  savedSearches.set({ list: await api.reorderSavedSearches({ ids }), error: null });
}

/** Whether the search on screen is this saved one. */
export function isCurrent(s: SavedSearch, state: { query: string; filters: SearchFilters; sort: SortOrder }): boolean {
  return s.query === state.query.trim() && JSON.stringify(sorted(s.filters)) === JSON.stringify(sorted(state.filters));
}

function sorted(f: SearchFilters): [string, unknown][] {
  return Object.entries(f)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
}
