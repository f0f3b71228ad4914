/**
 * Helpers of the sync tests: a desk (an archive with its named user), and what two desks must agree
 * on, named the way ops name things (article keys), not by local row ids.
 */
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { Archive } from '../../src/core/service';
import { expandPaths } from '../../src/core/ingest/sources';
import { articleKey } from '../../src/core/store/oplog';
import type { Db } from '../../src/core/store/db';
import { setDeskUser, syncArchive, type SyncReport } from '../../src/core/sync/engine';
import { Remote } from '../../src/core/sync/remote';
import { REPO, tempDir } from '../core/helpers';
import { readStore, storedRow, storedRows } from '../support/sqlite';
import { sharedArchiveDb, startCluster, type Cluster } from './pg-cluster';
import type { Role } from '../../src/core/sync/remote';

/** A describe's team archive: its throwaway cluster, the shared database's address, and the desks to close after. */
export interface TeamArchive {
  cluster: Cluster;
  url: string;
  opened: Archive[];
}

/**
 * Call inside a `describe`: before its tests, a throwaway cluster with one shared archive database
 * `name` whose users are `users`; after them, every desk pushed to `opened` is closed and the
 * cluster stopped. The fields are filled when the tests run.
 */
export function useTeamArchive(name: string, users: Record<string, Role>): TeamArchive {
  const team = { url: '', opened: [] } as unknown as TeamArchive;
  beforeAll(async () => {
    team.cluster = await startCluster();
    team.url = await sharedArchiveDb(team.cluster, name, users);
  });
  afterAll(async () => {
    for (const x of team.opened) await x.close();
    team.cluster?.stop();
  });
  return team;
}

export const FIXTURE_PAGES = path.join(REPO, 'test', 'fixtures', 'pages');
export const page = (name: string) => path.join(FIXTURE_PAGES, name);

export async function desk(user: string, dir = tempDir('baoku-desk-')): Promise<Archive> {
  const a = await Archive.open({ dir, autoBackup: false, saveDelayMs: 50 });
  setDeskUser(a, user);
  return a;
}

export async function importFiles(a: Archive, files: string[]): Promise<void> {
  const reports = await a.importSources(expandPaths(files).sources, {});
  const bad = reports.filter((r) => r.status === 'rejected');
  if (bad.length) throw new Error(`import rejected: ${bad.map((r) => `${r.file} ${r.error}`).join('; ')}`);
}

export async function sync(a: Archive, url: string): Promise<SyncReport> {
  const r = await Remote.connect(url);
  try {
    return await syncArchive(a, r);
  } finally {
    await r.close();
  }
}

export interface Snapshot {
  articles: Record<string, unknown>;
  tags: Record<string, string[]>;
  corrections: string[];
  pages: string[];
}

/** Everything that must converge: articles (as shown), their tags, the corrections standing. */
export function snapshot(a: Archive): Snapshot {
  return readStore(a, (db) => snapshotOf(db));
}

function snapshotOf(db: Db): Snapshot {
  const ids = (db.prepare('SELECT id FROM articles ORDER BY id').all([]) as { id: number }[]).map((r) => r.id);
  const key = new Map(ids.map((id) => [id, articleKey(db, id)!]));
  const articles: Record<string, unknown> = {};
  for (const r of db.prepare('SELECT id, kicker, title, subtitle, dateline, paragraphs, byline, date, page_fix FROM articles').all([]) as Record<string, unknown>[]) {
    const { id, ...rest } = r;
    articles[key.get(id as number)!] = rest;
  }
  const tags: Record<string, string[]> = {};
  for (const r of db
    .prepare('SELECT at.article_id AS id, t.kind, t.name, at.role, at.source FROM article_tags at JOIN tags t ON t.id = at.tag_id')
    .all([]) as { id: number; kind: string; name: string; role: string | null; source: string }[]) {
    (tags[key.get(r.id)!] ??= []).push(`${r.kind}:${r.name}:${r.role ?? ''}:${r.source}`);
  }
  for (const k of Object.keys(tags)) tags[k].sort();
  const corrections = (
    db.prepare('SELECT article_id AS id, field, after FROM corrections WHERE undone_at IS NULL AND applied = 1').all([]) as { id: number; field: string; after: string }[]
  )
    // A merge's or split's `after` holds local row ids (the new article's, the tags'): its field and place are what must agree.
    .map((c) => `${key.get(c.id)}|${c.field}|${/^(merge|split)/.test(c.field) ? '' : c.after}`)
    .sort();
  const pages = (db.prepare('SELECT page_key, hash FROM pages ORDER BY page_key').all([]) as { page_key: string; hash: string }[]).map((p) => `${p.page_key} ${p.hash}`);
  return { articles, tags, corrections, pages };
}

/** The id of the article titled (in part) `text`. */
export function idOf(a: Archive, text: string): number {
  const r = storedRow(a, 'SELECT id FROM articles WHERE instr(title, ?) > 0 ORDER BY id LIMIT 1', [text]) as { id: number } | undefined;
  if (!r) throw new Error(`no article titled ${text}`);
  return r.id;
}

export function tagsOf(a: Archive, id: number): string[] {
  return (storedRows(a, 'SELECT t.kind, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ?', [id]) as { kind: string; name: string }[])
    .map((t) => `${t.kind}:${t.name}`)
    .sort();
}
