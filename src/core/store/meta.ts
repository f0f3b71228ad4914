/**
 * Key/value facts about the archive, and its change counter.
 */
import type { Db } from './handle';

export function getMeta(db: Db, key: string): string | undefined {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get([key]) as { value: string } | undefined)?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run([key, value]);
}

/** Bump the change counter (part of the index fingerprint). Call inside the change's transaction or right after. */
export function bumpGeneration(db: Db): number {
  const g = Number(getMeta(db, 'generation') ?? '0') + 1;
  setMeta(db, 'generation', String(g));
  return g;
}
