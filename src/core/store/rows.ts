/**
 * Row ↔ domain mapping for the articles table.
 */
import type { ArticleDetail, ArticleKind, Byline, Dateline, Paragraph, ArticleTag } from '../../shared/types';

export interface ArticleRow {
  id: number;
  page_id: number;
  seq: number;
  kind: string;
  kicker: string | null;
  title: string;
  subtitle: string | null;
  dateline: string | null;
  paragraphs: string;
  byline: string | null;
  warnings: string;
  char_start: number | null;
  char_end: number | null;
  date: string | null;
  /** 1 when `date` was read from the dateline (the date unknown). Schema 2. */
  date_inferred: number | null;
  chars: number;
  content_hash: string;
  continued_to: number | null;
  continued_from: number | null;
  part_of: number | null;
  /** Schema 5 (corrections.ts): the parser's reading when corrected, the replaced stretches, an editor's page. */
  original?: string | null;
  replaced_text?: string | null;
  page_fix?: number | null;
  paper: string | null;
  page: number | null;
  import_id: number;
  file: string;
}

/** An article with its page and paper (both selects read from it). */
const ARTICLE_FROM = 'FROM articles a JOIN pages p ON p.id = a.page_id LEFT JOIN papers pp ON pp.id = p.paper_id';

export const ARTICLE_SELECT = `
  SELECT a.*, coalesce(a.page_fix, p.page) AS page, p.import_id AS import_id, p.file AS file, pp.name AS paper
  ${ARTICLE_FROM}`;

/**
 * The columns an index rebuild reads, for `rowToArticle` all the same: what the index holds (the
 * headline block, paragraphs, byline, date, paper, page, kind, whether corrected, the replaced
 * stretches, the continuation links). Not the dateline, warnings, offsets, hash, file, nor the text of
 * the parser's original reading (only whether there is one): at 150k articles the full rows cost the
 * rebuild about a second more of reading and parsing JSON it never uses.
 */
export const ARTICLE_INDEX_SELECT = `
  SELECT a.id, a.page_id, a.seq, a.kind, a.kicker, a.title, a.subtitle, NULL AS dateline, a.paragraphs, a.byline,
    '[]' AS warnings, NULL AS char_start, NULL AS char_end, a.date, a.date_inferred, a.chars, '' AS content_hash,
    a.continued_to, a.continued_from, a.part_of, CASE WHEN a.original IS NULL THEN NULL ELSE '1' END AS original,
    a.replaced_text, coalesce(a.page_fix, p.page) AS page, p.import_id AS import_id, '' AS file, pp.name AS paper
  ${ARTICLE_FROM}`;

export function rowToArticle(r: ArticleRow, tags: ArticleTag[]): ArticleDetail {
  return {
    id: r.id,
    kind: r.kind as ArticleKind,
    kicker: r.kicker ?? undefined,
    title: r.title,
    subtitle: r.subtitle ?? undefined,
    dateline: r.dateline ? (JSON.parse(r.dateline) as Dateline) : undefined,
    paragraphs: JSON.parse(r.paragraphs) as Paragraph[],
    byline: r.byline ? (JSON.parse(r.byline) as Byline) : undefined,
    warnings: JSON.parse(r.warnings) as string[],
    charStart: r.char_start ?? undefined,
    charEnd: r.char_end ?? undefined,
    paper: r.paper ?? undefined,
    date: r.date ?? undefined,
    ...(r.date_inferred ? { dateInferred: true } : {}),
    page: r.page ?? undefined,
    importId: r.import_id,
    sourceFile: r.file,
    tags,
    chars: r.chars,
    ...(r.continued_to !== null ? { continuedTo: r.continued_to } : {}),
    ...(r.continued_from !== null ? { continuedFrom: r.continued_from } : {}),
    ...(r.part_of !== null ? { partOfId: r.part_of } : {}),
    ...(r.original ? { corrected: true } : {}),
    ...(r.replaced_text ? { replacedText: r.replaced_text } : {}),
  };
}
