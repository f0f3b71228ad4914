/**
 * Shared helpers of the reliability and security tests: a seeded random
 * generator, where the real test pages are, and the archive invariants that
 * must hold after any crash or bad input (integrity, whole imports, a
 * checksum of the articles table).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../src/core/store/db';
import { prng } from '../../src/core/text/prng';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PAGES_DEV = '/work/shared/pages-dev';

/** mulberry32: small, fast, reproducible (core/text/prng.ts). */
export const seeded = prng;

export function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)];
}

export function randInt(rng: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

function txtFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.txt$/i.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Real newspaper pages available here: the bundled sample, the fixtures, and pages-dev when present. */
export function realPages(): string[] {
  return [
    ...txtFiles(path.join(REPO, 'resources', 'sample')),
    ...txtFiles(PAGES_DEV),
    ...txtFiles(path.join(REPO, 'test', 'fixtures', 'pages')),
  ];
}

export function hasPagesDev(): boolean {
  return txtFiles(PAGES_DEV).length >= 20;
}

export function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), `baoku-${prefix}-`));
}

/** SHA-256 over every column of every article, in id order: equal before/after means "unchanged". */
export function articlesChecksum(db: Db): { count: number; sha: string } {
  const h = crypto.createHash('sha256');
  let count = 0;
  for (const r of db.prepare('SELECT * FROM articles ORDER BY id').all([]) as Record<string, unknown>[]) {
    delete r._metadata;
    h.update(JSON.stringify(r));
    count++;
  }
  return { count, sha: h.digest('hex') };
}

/** `PRAGMA integrity_check` verdict ('ok' when sound). */
export function integrity(db: Db): string {
  const rows = db.prepare('PRAGMA integrity_check').all([]) as Record<string, unknown>[];
  return rows.map((r) => String(Object.entries(r).find(([k]) => k !== '_metadata')?.[1])).join('; ');
}

export interface ImportMismatch {
  pageId: number;
  importId: number;
  expected: number;
  found: number;
}

/**
 * Every stored page holds exactly the articles its import record announced
 * (an import is wholly present or wholly absent), no article lacks a page,
 * and no foreign key dangles.
 */
export function importMismatches(db: Db): { pages: ImportMismatch[]; orphans: number; foreignKeys: number; unrecordedPages: number } {
  const pages = (
    db
      .prepare(
        `SELECT p.id AS pageId, p.import_id AS importId, i.articles AS expected,
                (SELECT COUNT(*) FROM articles a WHERE a.page_id = p.id) AS found
         FROM pages p LEFT JOIN imports i ON i.id = p.import_id`,
      )
      .all([]) as (ImportMismatch & { expected: number | null })[]
  )
    .filter((r) => r.expected === null || r.expected !== r.found)
    .map((r) => ({ pageId: r.pageId, importId: r.importId, expected: r.expected ?? -1, found: r.found }));
  const orphans = (db.prepare('SELECT COUNT(*) AS n FROM articles WHERE page_id NOT IN (SELECT id FROM pages)').get([]) as { n: number }).n;
  const foreignKeys = (db.prepare('PRAGMA foreign_key_check').all([]) as unknown[]).length;
  const unrecordedPages = (
    db.prepare("SELECT COUNT(*) AS n FROM pages p JOIN imports i ON i.id = p.import_id WHERE i.status NOT IN ('imported','replaced')").get([]) as {
      n: number;
    }
  ).n;
  return { pages, orphans, foreignKeys, unrecordedPages };
}
