/**
 * One archive call whose answer a component shows: `useApiQuery(() => api.x(arg), [deps])`.
 *
 * The call runs on mount, again whenever a dep changes, and on `reload()`.
 * An answer (or failure) that arrives after the deps changed, after a newer
 * reload, or after the component unmounted is dropped, so a slow answer for
 * the previous article never overwrites the current one.
 *
 * - `data`: the last answer received; `undefined` until the first arrives.
 *   It is kept while a newer call runs and when that call fails, so a view
 *   reloading after an archive change does not flash empty. A view that must
 *   not show the previous answer meanwhile checks `loading` / `error`.
 * - `loading`: a call for the current deps is outstanding.
 * - `error`: the failure of the current call as a message for the user in
 *   Chinese (`errorMessage`), null otherwise; cleared when a new call starts.
 *
 * Not for calls made on a user's action (save, delete): those are awaited
 * where the action is. A fetch that does more than this (debounced, polling,
 * merging answers into earlier ones) keeps its own effect and says why.
 */
import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { errorMessage } from '../api-client';

export interface ApiQuery<T> {
  data: T | undefined;
  loading: boolean;
  error: string | null;
  /** Call again with the same deps (after a change the view made itself). */
  reload(): void;
}

interface State<T> {
  data: T | undefined;
  loading: boolean;
  error: string | null;
}

export function useApiQuery<T>(fn: () => Promise<T>, deps: DependencyList): ApiQuery<T> {
  const [state, setState] = useState<State<T>>({ data: undefined, loading: true, error: null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => (s.loading && s.error === null ? s : { data: s.data, loading: true, error: null }));
    // Through a promise so that a synchronous throw in `fn` is a failure like any other.
    Promise.resolve()
      .then(fn)
      .then(
        (data) => live && setState({ data, loading: false, error: null }),
        (e: unknown) => live && setState((s) => ({ data: s.data, loading: false, error: errorMessage(e) })),
      );
    return () => {
      live = false;
    };
    // `fn` is a new closure on every render; the caller's deps say when it asks something new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
