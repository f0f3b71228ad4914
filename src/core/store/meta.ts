/**
 * Key/value facts about the archive, and its change counter.
 */
import type { Db } from './handle';

/** The team archive's password (services/team-service.ts): kept in this database only, never in a backup (backup.ts). */
export const TEAM_PASSWORD_KEY = 'team.password';
/** Keys that never leave this archive's own database: a backup is made without them. */
export const LOCAL_SECRET_KEYS = [TEAM_PASSWORD_KEY];

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
