/**
 * Citations of articles, the one place they are made (the reader gets them
 * through the contract's `getCitation`, the clippings and the CLI from here).
 *
 * GB/T 7714-2015 (信息与文献 参考文献著录规则), 8.1–8.6 and the newspaper
 * pattern of 4.4 (连续出版物中的析出文献):
 *   主要责任者. 题名: 其他题名信息[N]. 报纸名, 出版日期(版次).
 *   陆晓茜, 徐浩, 郭方强, 等. 淄博高新区召开2022年工作会议 聚力品质提升贡献“高新力量”[N]. 大众日报, 2022-01-28(3).
 * Decisions, with the rule they follow:
 * - 主要责任者 (8.1.2): up to three names in full, more than three: the first
 *   three then `, 等`; none: the entry starts with the title. Authors are the
 *   people who wrote the piece: reporters (记者), interns (实习生) and
 *   correspondents (通讯员), in byline order; photographers (摄影) only for a
 *   photo item, where they are its first authors.
 * - 题名 and 其他题名信息 (8.2.1, 8.2.4): the main headline is the title; the
 *   subtitle (副题) is other title information, after `: `. The kicker (引题/肩题)
 *   is other title information too, which 8.2.4 lets the cataloguer leave out:
 *   it is a lead-in (a slogan, the context) rather than the name of the piece,
 *   and a title led by it would not match the paper's own index, so it is left out.
 * - 出版日期 (8.6): the issue's date as YYYY-MM-DD, never the dateline's date.
 *   A date read from the dateline because the issue's was unknown is an
 *   estimate and goes in square brackets (8.6.3: 估计的出版年应置于方括号内);
 *   no date at all: `[出版日期不详]`, no paper name: `[报纸名不详]` (the
 *   standard's way for unknown elements, like `[出版地不详]`).
 * - 版次: `(3)` after the date; no page known: nothing.
 * Punctuation is the standard's ASCII punctuation with a space after it.
 *
 * RIS (`TY  - NEWS` … `ER  - `, CRLF lines) and CSL-JSON (`article-newspaper`)
 * carry every author (reference managers shorten lists themselves), the title
 * with the subtitle after `: `, paper, date and page; Chinese names are split
 * into family and given name (`splitName`).
 */
import type { ArticleDetail, CitationFormat, CitationResult } from '../../shared/api';
import { NotFound, UserError } from '../errors';
import { excerpt, people, type People } from './attribution';

// ---------- authors ----------

/** Roles that make someone an author of a piece that is not a photo, in the usual byline order. */
const WRITER_ROLES: (keyof People)[] = ['记者', '实习生', '通讯员'];

/** Names of these roles in the order the byline gives them; names it does not hold (tags added by hand) after, in role order. */
function inBylineOrder(a: ArticleDetail, p: People, roles: (keyof People)[]): string[] {
  const names: string[] = [];
  for (const r of roles) for (const n of p[r]) if (!names.includes(n)) names.push(n);
  const raw = a.byline?.raw ?? '';
  const at = (n: string) => {
    const i = raw.indexOf(n);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return names.map((n, i) => ({ n, i, at: at(n) })).sort((x, y) => x.at - y.at || x.i - y.i).map((x) => x.n);
}

/** The article's authors: its writers in byline order; a photo item's photographers first, as its makers. */
export function citationAuthors(a: ArticleDetail): string[] {
  const p = people(a);
  const writers = inBylineOrder(a, p, WRITER_ROLES);
  if (a.kind !== 'photo') return writers;
  const shooters = inBylineOrder(a, p, ['摄影']);
  return [...shooters, ...writers.filter((n) => !shooters.includes(n))];
}

/**
 * Two-character surnames (复姓) of the 百家姓 and those common today. A name
 * of three or more Han characters that starts with one of them has it as family name.
 */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒',
  '夏侯', '轩辕', '令狐', '端木', '太史', '独孤', '南宫', '万俟', '闻人', '赫连', '澹台', '宗政',
  '濮阳', '公冶', '太叔', '申屠', '仲孙', '钟离', '鲜于', '司空', '闾丘', '亓官', '司寇', '巫马',
  '公西', '颛孙', '壤驷', '公良', '漆雕', '乐正', '宰父', '谷梁', '拓跋', '夹谷', '段干', '百里',
  '呼延', '东郭', '南门', '羊舌', '微生', '梁丘', '左丘', '东门', '西门', '第五', '公羊', '单于',
];

export type CslName = { family: string; given: string } | { literal: string };

const HAN_NAME = /^\p{Script=Han}{2,}$/u;

/**
 * `陆晓茜` → 陆 + 晓茜, `欧阳修文` → 欧阳 + 修文. Anything that is not a plain Han
 * name of two or more characters — a transliterated name with `·`
 * (`阿依努尔·买买提`), a Latin name, a single character — is kept whole as a literal.
 */
export function splitName(name: string): CslName {
  const n = name.trim();
  if (!HAN_NAME.test(n)) return { literal: n };
  const chars = Array.from(n);
  const two = chars.slice(0, 2).join('');
  if (chars.length >= 3 && COMPOUND_SURNAMES.includes(two)) return { family: two, given: chars.slice(2).join('') };
  return { family: chars[0], given: chars.slice(1).join('') };
}

// ---------- the parts every format shares ----------

/** One line, single spaces. */
function clean(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** Headline with the subtitle as other title information (`题名: 副题`); the kicker is left out (see above). */
export function citationTitle(a: ArticleDetail): string {
  const title = clean(a.title) || '无题';
  const sub = clean(a.subtitle).replace(/^[—－-]+\s*/, '');
  return sub ? `${title}: ${sub}` : title;
}

function dateParts(iso: string | undefined): [number, number, number] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

// ---------- GB/T 7714-2015 ----------

export const MAX_GBT_AUTHORS = 3;

/** `陆晓茜, 徐浩, 郭方强, 等. 题名: 副题[N]. 大众日报, 2022-01-28(3).` */
export function gbt7714(a: ArticleDetail): string {
  const authors = citationAuthors(a);
  const who =
    authors.length > MAX_GBT_AUTHORS ? [...authors.slice(0, MAX_GBT_AUTHORS), '等'].join(', ') : authors.join(', ');
  const paper = clean(a.paper) || '[报纸名不详]';
  const date = dateParts(a.date) ? (a.dateInferred ? `[${a.date}]` : a.date!) : '[出版日期不详]';
  const page = a.page === undefined || a.page === null ? '' : `(${a.page})`;
  return `${who ? `${who}. ` : ''}${citationTitle(a)}[N]. ${paper}, ${date}${page}.`;
}

/** `[1] …`, `[2] …`: a numbered reference list (参考文献, 顺序编码制). */
export function referenceList(articles: ArticleDetail[]): string[] {
  return articles.map((a, i) => `[${i + 1}] ${gbt7714(a)}`);
}

// ---------- RIS ----------

const RIS_EOL = '\r\n';
/** Characters of body text given as the abstract (AB). */
export const ABSTRACT_CHARS = 200;
export const INFERRED_NOTE = '出版日期不详，据电头推定';

function risName(name: string): string {
  const n = splitName(name);
  return 'literal' in n ? n.literal : `${n.family}, ${n.given}`;
}

/** One RIS record, `TY  - NEWS` to `ER  - `, lines ending CRLF. */
export function risRecord(a: ArticleDetail): string {
  const lines: [string, string][] = [['TY', 'NEWS'], ['ID', `baoku-${a.id}`]];
  for (const n of citationAuthors(a)) lines.push(['AU', risName(n)]);
  lines.push(['TI', citationTitle(a)]);
  if (clean(a.paper)) lines.push(['T2', clean(a.paper)]);
  const d = dateParts(a.date);
  if (d) {
    lines.push(['PY', String(d[0])]);
    lines.push(['DA', `${a.date!.replace(/-/g, '/')}/`]);
  }
  if (a.page !== undefined && a.page !== null) lines.push(['SP', String(a.page)]);
  lines.push(['LA', 'zh-CN']);
  const ab = clean(excerpt(a, ABSTRACT_CHARS));
  if (ab) lines.push(['AB', ab]);
  if (d && a.dateInferred) lines.push(['N1', INFERRED_NOTE]);
  lines.push(['ER', '']);
  return lines.map(([k, v]) => `${k}  - ${v}`.trimEnd() + (k === 'ER' ? ' ' : '')).join(RIS_EOL) + RIS_EOL;
}

// ---------- CSL-JSON ----------

export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title'?: string;
  issued?: { 'date-parts': [[number, number, number]]; circa?: boolean };
  page?: string;
  author?: CslName[];
  language: string;
  abstract?: string;
  note?: string;
}

export function cslItem(a: ArticleDetail): CslItem {
  const item: CslItem = { id: `baoku-${a.id}`, type: 'article-newspaper', title: citationTitle(a), language: 'zh-CN' };
  if (clean(a.paper)) item['container-title'] = clean(a.paper);
  const d = dateParts(a.date);
  if (d) item.issued = a.dateInferred ? { 'date-parts': [d], circa: true } : { 'date-parts': [d] };
  if (a.page !== undefined && a.page !== null) item.page = String(a.page);
  const authors = citationAuthors(a);
  if (authors.length) item.author = authors.map(splitName);
  const ab = clean(excerpt(a, ABSTRACT_CHARS));
  if (ab) item.abstract = ab;
  if (d && a.dateInferred) item.note = INFERRED_NOTE;
  return item;
}

// ---------- all formats ----------

export interface Citations {
  /** One per article, in order: a GB/T 7714 string, an RIS record, a CSL-JSON object as JSON. */
  entries: string[];
  /** A file's content: a numbered reference list, concatenated RIS records, or a CSL-JSON array. */
  text: string;
}

export const CITATION_EXT: Record<CitationFormat, string> = { gbt7714: 'txt', ris: 'ris', 'csl-json': 'json' };
export const CITATION_MIME: Record<CitationFormat, string> = {
  gbt7714: 'text/plain; charset=utf-8',
  ris: 'application/x-research-info-systems',
  'csl-json': 'application/vnd.citationstyles.csl+json',
};

export function citations(articles: ArticleDetail[], format: CitationFormat): Citations {
  switch (format) {
    case 'gbt7714':
      return { entries: articles.map(gbt7714), text: referenceList(articles).join('\n') + '\n' };
    case 'ris': {
      const entries = articles.map(risRecord);
      return { entries, text: entries.join(RIS_EOL) };
    }
    case 'csl-json': {
      const items = articles.map(cslItem);
      return { entries: items.map((i) => JSON.stringify(i, null, 2)), text: JSON.stringify(items, null, 2) + '\n' };
    }
    default:
      throw new Error(`不支持的引用格式：${String(format)}`);
  }
}

/** Most articles cited at once (as many as one clippings export). */
export const MAX_CITATIONS = 5000;

/** The contract's `getCitation`: the articles loaded by `load`, in the order of `ids`, cited in `format`. */
export function citeArticles(
  req: { ids: number[]; format: CitationFormat },
  load: (ids: number[]) => ArticleDetail[],
): CitationResult {
  if (req.ids.length > MAX_CITATIONS) throw new UserError(`一次最多引用 ${MAX_CITATIONS} 篇（这次是 ${req.ids.length} 篇），请缩小范围`);
  const articles = load(req.ids);
  if (!articles.length) throw new NotFound('没有可引用的文章：所选文章不在档案库中');
  const c = citations(articles, req.format);
  return { format: req.format, ...c, mime: CITATION_MIME[req.format], ext: CITATION_EXT[req.format] };
}
