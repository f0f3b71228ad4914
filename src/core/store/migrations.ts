/**
 * Numbered schema migrations. Migration N (1-based) is MIGRATIONS[N-1]; the
 * database's `PRAGMA user_version` holds the number of the last one applied.
 * Never edit a migration that has shipped: add a new one.
 */
import type { Db } from './handle';
import type { Dateline } from '../../shared/types';
import { articleDate, withDateWarning } from './dates';
import { bumpGeneration } from './meta';
import { createSavedSearchesTable } from './saved-searches';
import { migrateCorrections } from './corrections';
import { migrateOpLog } from './oplog';

/**
 * Every article's date re-derived from stored data: its page's date (the
 * issue's), or, where the page has none, its stored dateline with a year
 * from the page's stored text (marked inferred, with a warning).
 */
export function rederiveArticleDates(db: Db): number {
  // In batches by id; a page's raw text is read only for an undated page (where the year is looked for).
  const batch = db.prepare(
    `SELECT a.id, a.dateline, a.warnings, a.date, a.date_inferred, p.date AS issue, p.import_id
     FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.id > ? ORDER BY a.id LIMIT 2000`,
  );
  const rawText = db.prepare('SELECT raw_text FROM imports WHERE id = ?');
  const update = db.prepare('UPDATE articles SET date = ?, date_inferred = ?, warnings = ? WHERE id = ?');
  const texts = new Map<number, string | undefined>();
  const textOf = (importId: number): string | undefined => {
    if (!texts.has(importId)) {
      if (texts.size > 200) texts.clear();
      texts.set(importId, (rawText.get([importId]) as { raw_text: string | null } | undefined)?.raw_text ?? undefined);
    }
    return texts.get(importId);
  };
  let changed = 0;
  let last = 0;
  for (;;) {
    const rows = batch.all([last]) as {
      id: number;
      dateline: string | null;
      warnings: string;
      date: string | null;
      date_inferred: number;
      issue: string | null;
      import_id: number;
    }[];
    if (!rows.length) break;
    last = rows[rows.length - 1].id;
    for (const r of rows) {
      let dateline: Dateline | undefined;
      try {
        dateline = r.dateline ? (JSON.parse(r.dateline) as Dateline) : undefined;
      } catch {
        dateline = undefined;
      }
      const needsText = !r.issue && !!dateline?.month && !!dateline.day;
      const dating = articleDate(r.issue ?? undefined, dateline, needsText ? textOf(r.import_id) : undefined);
      const old = JSON.parse(r.warnings) as string[];
      const warnings = withDateWarning(old, dating);
      const inferred = dating.inferred ? 1 : 0;
      if ((dating.date ?? null) === r.date && inferred === r.date_inferred && JSON.stringify(warnings) === JSON.stringify(old)) continue;
      update.run([dating.date ?? null, inferred, JSON.stringify(warnings), r.id]);
      changed++;
    }
  }
  return changed;
}

export const MIGRATIONS: ((db: Db) => void)[] = [
  // 1: papers, imports, pages, articles, tags, tag history, clippings, dictionary.
  (db) => {
    db.exec(`
      CREATE TABLE papers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
      );
      CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        file TEXT NOT NULL,
        hash TEXT NOT NULL,
        paper TEXT,
        date TEXT,
        page INTEGER,
        status TEXT NOT NULL CHECK (status IN ('imported','duplicate','replaced','rejected')),
        articles INTEGER NOT NULL DEFAULT 0,
        warnings TEXT NOT NULL DEFAULT '[]',
        error TEXT,
        encoding TEXT,
        raw_text TEXT,
        imported_at TEXT NOT NULL
      );
      CREATE INDEX imports_hash ON imports(hash);
      CREATE TABLE pages (
        id INTEGER PRIMARY KEY,
        page_key TEXT NOT NULL UNIQUE,
        paper_id INTEGER REFERENCES papers(id),
        date TEXT,
        page INTEGER,
        file TEXT NOT NULL,
        hash TEXT NOT NULL,
        import_id INTEGER NOT NULL REFERENCES imports(id)
      );
      CREATE INDEX pages_hash ON pages(hash);
      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        kicker TEXT,
        title TEXT NOT NULL,
        subtitle TEXT,
        dateline TEXT,
        paragraphs TEXT NOT NULL,
        byline TEXT,
        warnings TEXT NOT NULL DEFAULT '[]',
        char_start INTEGER,
        char_end INTEGER,
        date TEXT,
        chars INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX articles_page ON articles(page_id, seq);
      CREATE INDEX articles_date ON articles(date);
      CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('reporter','department','topic')),
        name TEXT NOT NULL,
        UNIQUE (kind, name)
      );
      CREATE TABLE tag_aliases (
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        alias TEXT NOT NULL,
        UNIQUE (kind, alias)
      );
      CREATE TABLE article_tags (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        role TEXT,
        source TEXT NOT NULL CHECK (source IN ('auto','manual')),
        PRIMARY KEY (article_id, tag_id)
      );
      CREATE INDEX article_tags_tag ON article_tags(tag_id);
      CREATE TABLE tag_changes (
        id INTEGER PRIMARY KEY,
        action TEXT NOT NULL,
        articles INTEGER NOT NULL,
        user TEXT NOT NULL,
        at TEXT NOT NULL,
        undo TEXT NOT NULL,
        undone INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE clipping_sets (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        article_ids TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE dictionary (
        word TEXT PRIMARY KEY,
        source TEXT NOT NULL
      );
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `);
  },
  // 2: the parser version each page was read with (0: before it was recorded), for `baoku reparse`.
  (db) => {
    db.exec('ALTER TABLE pages ADD COLUMN parser_version INTEGER NOT NULL DEFAULT 0');
  },
  // 3: continued articles: the pages a part goes on to / comes from, and the first part of a second part.
  (db) => {
    db.exec(`
      ALTER TABLE articles ADD COLUMN continued_to INTEGER;
      ALTER TABLE articles ADD COLUMN continued_from INTEGER;
      ALTER TABLE articles ADD COLUMN part_of INTEGER;
      CREATE INDEX articles_part_of ON articles(part_of) WHERE part_of IS NOT NULL;
    `);
  },
  // 4: an article's date is its issue's (the page's), no longer the dateline's month/day;
  // where the issue's date is unknown, the dateline's, flagged as inferred. The generation
  // bump (and the schema number in the index fingerprint) makes the search index rebuild.
  (db) => {
    db.exec('ALTER TABLE articles ADD COLUMN date_inferred INTEGER NOT NULL DEFAULT 0');
    rederiveArticleDates(db);
    bumpGeneration(db);
  },
  // 5: saved searches with their `+N` new-match counts (issue 18; see saved-searches.ts).
  (db) => createSavedSearchesTable(db),
  // 6: near-duplicate groups (store/near-dups.ts): each searchable article's MinHash signature
  // and group, and its LSH buckets. Filled at import; an archive made before is filled at open.
  (db) => {
    db.exec(`
      CREATE TABLE near_dup (
        article_id INTEGER PRIMARY KEY,
        shingles INTEGER NOT NULL,
        sig BLOB,
        group_id INTEGER NOT NULL
      );
      CREATE INDEX near_dup_group ON near_dup(group_id);
      CREATE TABLE near_dup_bands (
        bucket INTEGER NOT NULL,
        article_id INTEGER NOT NULL,
        PRIMARY KEY (bucket, article_id)
      ) WITHOUT ROWID;
    `);
  },
  // 7: editors' corrections with the parser's reading kept (issue 17, see corrections.ts).
  (db) => migrateCorrections(db),
  // 8: the operation log for the newsroom's shared archive, tag dots, sync conflicts (issue 22, see oplog.ts).
  (db) => migrateOpLog(db),
  // 9: the pages of one issue found by an index: linking continued articles (continuations.ts) looks
  // up the issue of every imported page, and without it SQLite scanned every article instead (an
  // import into a 150k archive spent ~0.1 s a page there).
  (db) => db.exec('CREATE INDEX IF NOT EXISTS pages_issue ON pages(date, paper_id)'),
  // 10: near-duplicate LSH buckets in 16 bands instead of 32 (text/near-dup.ts), and a small table
  // new buckets are written to first, merged into the large one in batches (store/near-dups.ts: a
  // quarter of the time of an import into a 150k archive went to writing buckets). A band's buckets are
  // the same with 16 bands as with 32 (band b hashes the same three values), so the stored
  // signatures and groups are kept and only the buckets of bands 16–31 (bucket ≥ 16·2³²) dropped.
  // (IF NOT EXISTS: tests make an older archive by dropping only what the migrations they replay add.)
  (db) =>
    db.exec(`
      DELETE FROM near_dup_bands WHERE bucket >= 68719476736;
      CREATE TABLE IF NOT EXISTS near_dup_bands_new (
        bucket INTEGER NOT NULL,
        article_id INTEGER NOT NULL,
        PRIMARY KEY (bucket, article_id)
      ) WITHOUT ROWID;
    `),
  // 11: a clipping set's name across desks (`uid`), so that clipping sets travel to the newsroom's
  // shared archive (issue 22, store/oplog.ts `logClippingSet`). Sets made before get one now.
  (db) => {
    const cols = db.prepare('PRAGMA table_info(clipping_sets)').all([]) as { name: string }[];
    if (!cols.some((c) => c.name === 'uid')) db.exec('ALTER TABLE clipping_sets ADD COLUMN uid TEXT');
    db.exec(`
      UPDATE clipping_sets SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
      CREATE UNIQUE INDEX IF NOT EXISTS clipping_sets_uid ON clipping_sets(uid);
    `);
  },
];
