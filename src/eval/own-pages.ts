/**
 * Pages of our own making (`test/fixtures/own-pages/<set>/`, all text invented, none copied from a
 * corpus), each with a gold file that gives every article by the line it starts on:
 * `{ "articles": [{ "line", "kicker", "title", "subtitle", "reporters" }] }`.
 *
 *   node bin/run-ts.mjs scripts/eval-own-pages.ts [--verbose] [SET…]
 *
 * Sets `1998-*` are in the layout of the 1998 dev pages, `modern-*` in the e-paper layout of 2017–2020.
 * Each batch was written to a list of page kinds by a helper who saw the dev pages' shape only;
 * `*-c`, `*-d` and `*-e` were measured before anything was tuned on them (see the stop-48 note).
 *
 * - **Boundaries**: an article matches when the parser opens one on the gold article's first line.
 * - **Headline blocks**: kicker, title and subtitle of a matched article equal the gold's (spaces
 *   aside), over the articles the gold gives a title (a headline-less brief has none there, where the
 *   parser names it by its first sentence; a briefs column's label is its first item's kicker there,
 *   its title in the parser's reading, so the 1998 figure is a lower bound).
 * - **People**: the gold's reporters (writers of every kind, photographers apart) found among the
 *   matched article's reporters, correspondents and interns; `extra`, any more the parser read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parsePage } from '../core/ingest';

export const OWN_PAGES = path.resolve('test/fixtures/own-pages');

interface GoldArticle {
  line: number;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  reporters?: string[];
}

export interface OwnPagesResult {
  set: string;
  gold: number;
  found: number;
  matched: number;
  /** Matched articles the gold gives a title, and those whose whole headline block is the gold's. */
  heads: number;
  headsExact: number;
  people: number;
  peopleFound: number;
  extraPeople: number;
  /** What went wrong, one line each, per page. */
  misses: string[];
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s/g, '');

/** The sets under `OWN_PAGES` (`1998-a`, `modern-a`, …). */
export function ownPageSets(): string[] {
  return fs.existsSync(OWN_PAGES) ? fs.readdirSync(OWN_PAGES).filter((d) => fs.statSync(path.join(OWN_PAGES, d)).isDirectory()).sort() : [];
}

export function evalOwnPages(set: string): OwnPagesResult {
  const dir = path.join(OWN_PAGES, set);
  const r: OwnPagesResult = { set, gold: 0, found: 0, matched: 0, heads: 0, headsExact: 0, people: 0, peopleFound: 0, extraPeople: 0, misses: [] };
  for (const f of fs.readdirSync(dir).filter((x) => /^\d{8}-\d{2}\.txt$/.test(x)).sort()) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const gold = (JSON.parse(fs.readFileSync(path.join(dir, f.replace('.txt', '.gold.json')), 'utf8')) as { articles: GoldArticle[] }).articles;
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
    const lineOf = (off: number) => {
      let n = 0;
      while (n + 1 < lineStarts.length && lineStarts[n + 1] <= off) n++;
      return n + 1;
    };
    const parsed = parsePage(text, { file: f }).articles.map((a) => ({ a, line: lineOf(a.charStart ?? 0) }));
    r.gold += gold.length;
    r.found += parsed.length;
    for (const g of gold) {
      const m = parsed.find((p) => p.line === g.line);
      if (!m) {
        r.misses.push(`${set}/${f} 漏分 L${g.line} ${norm(g.kicker)}|${norm(g.title)}`);
        continue;
      }
      r.matched++;
      if (g.title !== null) {
        r.heads++;
        if (norm(m.a.kicker) === norm(g.kicker) && norm(m.a.title) === norm(g.title) && norm(m.a.subtitle) === norm(g.subtitle)) r.headsExact++;
        else r.misses.push(`${set}/${f} 标题 L${g.line} 应为 ${norm(g.kicker)}|${norm(g.title)}|${norm(g.subtitle)} 读作 ${norm(m.a.kicker)}|${norm(m.a.title)}|${norm(m.a.subtitle)}`);
      }
      const want = new Set(g.reporters ?? []);
      const b = m.a.byline;
      const have = new Set([...(b?.reporters ?? []), ...(b?.correspondents ?? []), ...(b?.interns ?? [])]);
      r.people += want.size;
      for (const w of want) if (have.has(w)) r.peopleFound++;
      const extra = [...have].filter((h) => !want.has(h));
      r.extraPeople += extra.length;
      if ([...want].some((w) => !have.has(w)) || extra.length) r.misses.push(`${set}/${f} 人名 L${g.line} 应为 ${[...want].join('、')} 读作 ${[...have].join('、')}`);
    }
    for (const p of parsed) if (!gold.some((g) => g.line === p.line)) r.misses.push(`${set}/${f} 多分 L${p.line} ${norm(p.a.kicker)}|${norm(p.a.title)}`);
  }
  return r;
}

/** Boundary F1 of a result. */
export function boundaryF1(r: OwnPagesResult): number {
  const p = r.matched / r.found;
  const rec = r.matched / r.gold;
  return p + rec === 0 ? 0 : (2 * p * rec) / (p + rec);
}
