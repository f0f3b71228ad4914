/**
 * The search state of the app: query, filters, sort, the answer and the
 * loaded result pages. Typing is debounced (50 ms), filter clicks are
 * immediate, and every request carries a sequence number so a slow,
 * stale answer never replaces a newer one.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SearchFilters, SearchHit, SearchResponse, SortOrder } from '../../../shared/api';
import { api, errorMessage } from '../api-client';
import { archiveVersion } from './app-events';
import { createStore, useStore } from './store';

/** The first page is what fills the window; later pages are larger (scrolling). */
const FIRST_PAGE = 20;
const PAGE = 50;
const DEBOUNCE_MS = 50;

export interface SearchState {
  query: string;
  filters: SearchFilters;
  sort: SortOrder;
  /** `去重`: one line per group of near-duplicates (on unless switched off). */
  dedupe: boolean;
}

/** Kept in sessionStorage so a reload keeps the search. */
function loadState(): SearchState {
  try {
    const raw = sessionStorage.getItem('baoku.search');
    if (raw) {
      const s = JSON.parse(raw) as Partial<SearchState>;
      return { query: s.query ?? '', filters: s.filters ?? {}, sort: s.sort ?? 'relevance', dedupe: s.dedupe ?? true };
    }
  } catch {
    /* ignore */
  }
  return { query: '', filters: {}, sort: 'relevance', dedupe: true };
}

export const searchState = createStore<SearchState>(loadState());
searchState.subscribe(() => {
  try {
    sessionStorage.setItem('baoku.search', JSON.stringify(searchState.get()));
  } catch {
    /* ignore */
  }
});

export function setQuery(query: string): void {
  searchState.set((s) => ({ ...s, query }));
}

export function setFilters(update: (f: SearchFilters) => SearchFilters): void {
  searchState.set((s) => ({ ...s, filters: clean(update(s.filters)) }));
}

export function setSort(sort: SortOrder): void {
  searchState.set((s) => ({ ...s, sort }));
}

export function setDedupe(dedupe: boolean): void {
  searchState.set((s) => ({ ...s, dedupe }));
}

/** Runs a new search from elsewhere (tag pages, reader links). */
export function searchFor(query: string, filters: SearchFilters = {}): void {
  searchState.set((s) => ({ ...s, query, filters: clean(filters) }));
}

function clean(f: SearchFilters): SearchFilters {
  const out: SearchFilters = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '' && v !== null) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** Terms of the last answer, for highlighting in the reader. */
export const lastTerms = createStore<string[]>([]);

export interface SearchController extends SearchState {
  response: SearchResponse | null;
  hits: SearchHit[];
  loading: boolean;
  error: string | null;
  loadMore(): void;
  retry(): void;
}

export function useSearch(): SearchController {
  const state = useStore(searchState);
  const version = useStore(archiveVersion);
  const [response, setResponse] = useState<SearchResponse | null>(null);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [retryKey, setRetryKey] = useState(0);
  const seq = useRef(0);
  const lastQuery = useRef<string | null>(null);
  const loadingMore = useRef(false);

  const request = useMemo(
    () => ({ query: state.query, filters: state.filters, sort: state.sort, dedupe: state.dedupe }),
    [state.query, state.filters, state.sort, state.dedupe],
  );

  useEffect(() => {
    const typed = lastQuery.current !== null && lastQuery.current !== request.query;
    lastQuery.current = request.query;
    const my = ++seq.current;
    loadingMore.current = false;
    const timer = setTimeout(
      () => {
        setLoading(true);
        api
          .search({ ...request, limit: FIRST_PAGE, offset: 0, facets: true })
          .then((r) => {
            if (my !== seq.current) return;
            setResponse(r);
            setHits(r.hits);
            setError(r.error ?? null);
            lastTerms.set(r.terms ?? []);
          })
          .catch((e: unknown) => {
            if (my === seq.current) setError(errorMessage(e));
          })
          .finally(() => {
            if (my === seq.current) setLoading(false);
          });
      },
      typed ? DEBOUNCE_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [request, version, retryKey]);

  // Latest values through a ref: `loadMore` keeps its identity while typing (the result list is memoised on it).
  const latest = useRef({ response, hits, request });
  latest.current = { response, hits, request };
  const loadMore = useCallback(() => {
    const { response, hits, request } = latest.current;
    if (!response || loadingMore.current || hits.length >= response.total) return;
    loadingMore.current = true;
    const my = seq.current;
    api
      .search({ ...request, limit: PAGE, offset: hits.length, facets: false })
      .then((r) => {
        if (my !== seq.current) return;
        setHits((prev) => (prev.length === hits.length ? [...prev, ...r.hits] : prev));
        // An empty page means the total was an over-estimate: stop asking.
        if (r.hits.length > 0) loadingMore.current = false;
      })
      .catch((e: unknown) => {
        if (my === seq.current) setError(errorMessage(e));
      });
  }, []);

  const retry = useCallback(() => setRetryKey((k) => k + 1), []);

  return { ...state, response, hits, loading, error, loadMore, retry };
}
