/**
 * Peer engines on the same tokens and the same query plans:
 * SQLite FTS5 (libsql, `unicode61` over space-separated jieba tokens, which
 * keeps every CJK token whole) and FlexSearch 0.8 (an `Index` whose encoder
 * only splits on spaces). Each answers like our search does: every match
 * counted, the top 20 by relevance (FTS5 bm25 with our field boosts;
 * FlexSearch's own order) or by date.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import Database from 'libsql';
import { BOOST } from '../src/core/search/article-index';
import { passesFilters, type PeerMeta, type QueryPlan } from './plan';
import { now, progress } from './measure';

/** One article's tokens per field, joined by spaces. */
export interface TokenDoc {
  id: number;
  title: string;
  body: string;
  tags: string;
  meta: PeerMeta;
}

export type Sort = 'relevance' | 'date';

export interface PeerEngine {
  name: string;
  buildMs: number;
  sizeBytes: number;
  heapDeltaMb?: number;
  search(plan: QueryPlan, sort: Sort): { total: number; top: number[] };
  close(): void;
}

const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;

function ftsExpr(plan: QueryPlan): string | null {
  if (!plan.groups.length) return null;
  const and = (terms: string[]) => terms.map(quote).join(' AND ');
  let expr = plan.groups.map((g) => `(${g.map((alt) => `(${and(alt)})`).join(' OR ')})`).join(' AND ');
  for (const ex of plan.excluded) expr = `(${expr}) NOT (${and(ex)})`;
  return expr;
}

export function buildFts(docs: TokenDoc[], file: string): PeerEngine {
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
  const t0 = now();
  db.exec(`CREATE TABLE docs (id INTEGER PRIMARY KEY, date TEXT, page INTEGER, reporters TEXT);
    CREATE INDEX docs_date ON docs(date);
    CREATE VIRTUAL TABLE fts USING fts5(title, body, tags, tokenize='unicode61 remove_diacritics 0');`);
  const insDoc = db.prepare('INSERT INTO docs (id, date, page, reporters) VALUES (?,?,?,?)');
  const insFts = db.prepare('INSERT INTO fts (rowid, title, body, tags) VALUES (?,?,?,?)');
  const tick = progress('FTS5 建索引', docs.length);
  for (let i = 0; i < docs.length; i += 5000) {
    db.exec('BEGIN');
    for (const d of docs.slice(i, i + 5000)) {
      insDoc.run([d.id, d.meta.date, d.meta.page, `|${d.meta.reporters.join('|')}|`]);
      insFts.run([d.id, d.title, d.body, d.tags]);
    }
    db.exec('COMMIT');
    tick(Math.min(docs.length, i + 5000));
  }
  db.exec("INSERT INTO fts(fts) VALUES ('optimize'); PRAGMA wal_checkpoint(TRUNCATE);");
  const buildMs = now() - t0;
  const rank = `bm25(fts, ${BOOST.title}, ${BOOST.body}, ${BOOST.names})`;
  const filterSql = (p: QueryPlan, args: unknown[]) => {
    const w: string[] = [];
    const where = (sql: string, ...values: unknown[]) => {
      w.push(sql);
      args.push(...values);
    };
    if (p.dateFrom) where('d.date >= ?', p.dateFrom);
    if (p.dateTo) where('d.date <= ?', p.dateTo);
    if (p.pages.length) where(`d.page IN (${p.pages.map(() => '?').join(',')})`, ...p.pages);
    for (const r of p.reporters) where('instr(d.reporters, ?) > 0', `|${r}|`);
    return w.length ? ` AND ${w.join(' AND ')}` : '';
  };
  return {
    name: 'FTS5',
    buildMs,
    sizeBytes: fs.statSync(file).size,
    search(plan, sort) {
      const expr = ftsExpr(plan);
      const args: unknown[] = [];
      let from: string;
      if (expr) {
        args.push(expr);
        from = `FROM fts JOIN docs d ON d.id = fts.rowid WHERE fts MATCH ?`;
      } else from = 'FROM docs d WHERE 1';
      from += filterSql(plan, args);
      const total = (db.prepare(`SELECT COUNT(*) AS n ${from}`).get(args) as { n: number }).n;
      const order = sort === 'date' || !expr ? 'd.date DESC, d.id DESC' : `${rank}, d.date DESC`;
      const top = (db.prepare(`SELECT d.id AS id ${from} ORDER BY ${order} LIMIT 20`).all(args) as { id: number }[]).map((r) => r.id);
      return { total, top };
    },
    close: () => db.close(),
  };
}

interface FlexIndex {
  add(id: number, text: string): void;
  search(q: string, o: { limit: number }): number[];
}

export function buildFlex(docs: TokenDoc[]): PeerEngine {
  const require = createRequire(import.meta.url);
  const { Index } = require('flexsearch') as { Index: new (o: object) => FlexIndex };
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = now();
  // One index over title + body + tags tokens (FlexSearch ranks by term position, not BM25).
  const idx = new Index({ tokenize: 'strict', resolution: 9, cache: false, encode: (s: string) => s.split(' ').filter(Boolean) });
  const meta = new Map<number, PeerMeta>();
  const tick = progress('FlexSearch 建索引', docs.length);
  docs.forEach((d, i) => {
    idx.add(d.id, `${d.title} ${d.tags} ${d.body}`);
    meta.set(d.id, d.meta);
    if (i % 2000 === 0) tick(i);
  });
  const buildMs = now() - t0;
  const heapDeltaMb = Math.round((process.memoryUsage().heapUsed - heap0) / 1048576);
  const ALL = 1e7;
  const and = (terms: string[]) => idx.search(terms.join(' '), { limit: ALL });
  return {
    name: 'FlexSearch',
    buildMs,
    sizeBytes: 0,
    heapDeltaMb,
    search(plan, sort) {
      let ids: number[];
      if (!plan.groups.length) ids = [...meta.keys()];
      else {
        let acc: number[] | null = null;
        for (const g of plan.groups) {
          const u: number[] = g.length === 1 ? and(g[0]) : [...new Set(g.flatMap(and))];
          if (acc === null) acc = u;
          else {
            const s = new Set(u);
            acc = acc.filter((id) => s.has(id));
          }
        }
        ids = acc ?? [];
        for (const ex of plan.excluded) {
          const drop = new Set(and(ex));
          ids = ids.filter((id) => !drop.has(id));
        }
      }
      ids = ids.filter((id) => passesFilters(meta.get(id), plan));
      if (sort === 'date' || !plan.groups.length) {
        ids.sort((a, b) => (meta.get(b)!.date < meta.get(a)!.date ? -1 : meta.get(b)!.date > meta.get(a)!.date ? 1 : b - a));
      }
      return { total: ids.length, top: ids.slice(0, 20) };
    },
    close: () => undefined,
  };
}
