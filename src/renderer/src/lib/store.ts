/** A tiny external store for React (`useSyncExternalStore`), optionally persisted in localStorage. */
import { useSyncExternalStore } from 'react';

export interface Store<T> {
  get(): T;
  set(next: T | ((prev: T) => T)): void;
  subscribe(fn: () => void): () => void;
}

export function createStore<T>(initial: T, persistKey?: string, validate?: (v: unknown) => T | undefined): Store<T> {
  let value = initial;
  if (persistKey) {
    try {
      const raw = localStorage.getItem(persistKey);
      if (raw) {
        const parsed = JSON.parse(raw) as unknown;
        const ok = validate ? validate(parsed) : (parsed as T);
        if (ok !== undefined) value = ok;
      }
    } catch {
      /* unreadable storage: start fresh */
    }
  }
  const subs = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = typeof next === 'function' ? (next as (p: T) => T)(value) : next;
      if (persistKey) {
        try {
          localStorage.setItem(persistKey, JSON.stringify(value));
        } catch {
          /* storage full or disabled: keep in memory */
        }
      }
      subs.forEach((f) => f());
    },
    subscribe(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
  };
}

export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
