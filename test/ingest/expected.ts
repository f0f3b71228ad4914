/**
 * Compare a parsed page with a hand-labelled `.expected.json` (the shape of
 * `shared/samples/*.expected.json`): text is compared after NFKC folding with
 * white space removed. Returns the list of mismatches (empty when all hold).
 */
import type { ParsedArticle, ParsedPage } from '../../src/shared/types';

export interface ExpectedArticle {
  kind?: string;
  titleLines: string[];
  /** The headline block's roles, where the fixture tells them apart (`null`: none). */
  kicker?: string | null;
  subtitle?: string | null;
  /** Continuation pages read from `（下转第N版）` / `（上接第N版）`. */
  continuedTo?: number;
  continuedFrom?: number;
  dateline?: { place?: string; month?: number; day?: number; agency?: string } | null;
  firstBodyStartsWith?: string;
  lastBodyEndsWith?: string;
  organization?: string;
  department?: string;
  reporters?: string[];
  correspondents?: string[];
  photographers?: string[];
  interns?: string[];
  headings?: string[];
  captions?: string[];
  mustContain?: string[];
  mustNotContainInBody?: string[];
  warningsInclude?: string[];
}

export interface ExpectedPage {
  file: string;
  paper?: string;
  date?: string;
  page?: number;
  encoding?: string;
  pageWarningsInclude?: string[];
  articles: ExpectedArticle[];
}

export const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

export function titleLines(a: ParsedArticle): string[] {
  if (a.warnings.includes('没有标题，用首句代替')) return [];
  return [a.kicker, a.title, a.subtitle].filter((x): x is string => !!x);
}

const sameSet = (a: string[] = [], b: string[] = []) =>
  JSON.stringify([...a].map(fold).sort()) === JSON.stringify([...b].map(fold).sort());

export function compareArticle(a: ParsedArticle, e: ExpectedArticle): string[] {
  const errs: string[] = [];
  const label = e.titleLines[0] ?? e.firstBodyStartsWith ?? '?';
  const err = (m: string) => errs.push(`《${label}》 ${m}`);
  const got = titleLines(a);
  if (JSON.stringify(got.map(fold)) !== JSON.stringify(e.titleLines.map(fold))) {
    err(`titleLines ${JSON.stringify(got)} ≠ ${JSON.stringify(e.titleLines)}`);
  }
  if (e.kind && a.kind !== e.kind) err(`kind ${a.kind} ≠ ${e.kind}`);
  for (const k of ['continuedTo', 'continuedFrom'] as const) {
    if (e[k] !== undefined && a[k] !== e[k]) err(`${k} ${a[k]} ≠ ${e[k]}`);
  }
  for (const k of ['kicker', 'subtitle'] as const) {
    if (e[k] !== undefined && fold(a[k] ?? '') !== fold(e[k] ?? '')) err(`${k} ${JSON.stringify(a[k] ?? null)} ≠ ${JSON.stringify(e[k])}`);
  }
  const body = a.paragraphs.filter((p) => p.type !== 'caption');
  const bodyText = body.map((p) => fold(p.text));
  const textParas = a.paragraphs.filter((p) => p.type === 'text');
  for (const s of e.mustContain ?? []) {
    if (!bodyText.some((t) => t.includes(fold(s)))) err(`body lacks unbroken span「${s}」`);
  }
  for (const h of e.headings ?? []) {
    if (!a.paragraphs.some((p) => p.type === 'heading' && fold(p.text) === fold(h))) err(`no heading paragraph「${h}」`);
  }
  const headingCount = a.paragraphs.filter((p) => p.type === 'heading').length;
  if (e.headings && headingCount !== e.headings.length) err(`${headingCount} headings, expected ${e.headings.length}`);
  for (const t of e.titleLines) {
    if (bodyText.some((b) => b.includes(fold(t)) && fold(t).length > 6 && b.startsWith(fold(t)))) err(`title line leaks into body「${t}」`);
  }
  for (const c of e.captions ?? []) {
    if (!a.paragraphs.some((p) => p.type === 'caption' && fold(p.text).includes(fold(c)))) err(`no caption「${c}」`);
    if (textParas.some((p) => fold(p.text).includes(fold(c)))) err(`caption in body「${c}」`);
  }
  for (const c of e.mustNotContainInBody ?? []) {
    if (textParas.some((p) => fold(p.text).includes(fold(c)))) err(`body contains「${c}」`);
  }
  if (e.firstBodyStartsWith !== undefined && !fold(textParas[0]?.text ?? '').startsWith(fold(e.firstBodyStartsWith))) {
    err(`first body paragraph「${textParas[0]?.text.slice(0, 30)}」does not start with「${e.firstBodyStartsWith}」`);
  }
  if (e.lastBodyEndsWith !== undefined && !fold(textParas[textParas.length - 1]?.text ?? '').endsWith(fold(e.lastBodyEndsWith))) {
    err(`last body paragraph「${textParas[textParas.length - 1]?.text.slice(-30)}」does not end with「${e.lastBodyEndsWith}」`);
  }
  if (e.dateline === null && a.dateline) err(`unexpected dateline ${a.dateline.raw}`);
  if (e.dateline) {
    if (!a.dateline) err('no dateline');
    else {
      for (const k of ['place', 'month', 'day', 'agency'] as const) {
        if (e.dateline[k] !== undefined && a.dateline[k] !== e.dateline[k]) err(`dateline.${k} ${a.dateline[k]} ≠ ${e.dateline[k]}`);
      }
    }
  }
  const b = a.byline;
  if (e.organization !== undefined && b?.organization !== e.organization) err(`organization ${b?.organization} ≠ ${e.organization}`);
  if (e.department !== undefined && b?.department !== e.department) err(`department ${b?.department} ≠ ${e.department}`);
  for (const k of ['reporters', 'correspondents', 'photographers', 'interns'] as const) {
    if (e[k] !== undefined && !sameSet(b?.[k] ?? [], e[k])) err(`${k} ${JSON.stringify(b?.[k] ?? [])} ≠ ${JSON.stringify(e[k])}`);
  }
  for (const w of e.warningsInclude ?? []) {
    if (!a.warnings.some((x) => x.includes(w))) err(`no warning containing「${w}」 in ${JSON.stringify(a.warnings)}`);
  }
  return errs;
}

/** Match expected articles to parsed ones in page order by their first title line (or first body text). */
export function comparePage(page: ParsedPage, exp: ExpectedPage): string[] {
  const errs: string[] = [];
  if (page.articles.length !== exp.articles.length) {
    errs.push(`${page.articles.length} articles ≠ ${exp.articles.length}: ${page.articles.map((a) => a.title).join(' | ')}`);
  }
  for (const k of ['paper', 'date', 'page'] as const) {
    if (exp[k] !== undefined && page[k] !== exp[k]) errs.push(`page.${k} ${page[k]} ≠ ${exp[k]}`);
  }
  for (const w of exp.pageWarningsInclude ?? []) {
    if (!page.warnings.some((x) => x.includes(w))) errs.push(`no page warning containing「${w}」 in ${JSON.stringify(page.warnings)}`);
  }
  exp.articles.forEach((e, i) => {
    const a = page.articles[i];
    if (!a) return;
    errs.push(...compareArticle(a, e));
  });
  return errs;
}
