/**
 * Markdown and plain-text clippings: cover block, optional table of contents,
 * then one article after another with a metadata block and every paragraph,
 * then the reference list (参考文献, GB/T 7714, numbered in clipping order).
 */
import type { ArticleDetail } from '../../shared/api';
import { markTerms, prepareTerms } from '../../shared/find-terms';
import { TOC_MIN } from './html';
import { gbt7714, referenceList } from './citation';
import { datelinePrefix, madeOn, sourceLine, tagLine } from './attribution';
import { DEFAULT_TITLE, type ClippingOptions } from './types';

// ---------- Markdown ----------

/** Escape what Markdown would read as markup, leaving Chinese text untouched. */
export function escapeMarkdown(s: string): string {
  let out = s
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '&amp;');
  // Line-start constructs: headings, quotes, lists, rules.
  out = out.replace(/^(\s*)([#+\-=])/, '$1\\$2').replace(/^(\s*\d+)([.)])(\s)/, '$1\\$2$3');
  return out;
}

/**
 * A GB/T 7714 entry in Markdown: escaped, but with its own bracketed parts
 * (`[1]`, `[N]`, `[1997-12-30]`, `[报纸名不详]`) left plain. That is safe: a
 * bracket pair becomes a link only before `(` or with a `[x]: …` definition,
 * and every other bracket of the file is escaped, so there is none.
 */
export function mdCitation(entry: string): string {
  return escapeMarkdown(entry).replace(/\\\[([\p{L}\d-]{1,12})\\\](?!\()/gu, '[$1]');
}

function mdMarked(text: string, terms: string[]): string {
  if (!terms.length) return escapeMarkdown(text);
  return markTerms(text, terms)
    .map((s) => (s.mark && s.text.trim() ? `**${escapeMarkdown(s.text)}**` : escapeMarkdown(s.text)))
    .join('');
}

function coverLines(articles: ArticleDetail[], opts: ClippingOptions, now: Date): [string, string][] {
  const lines: [string, string][] = [
    ['制作日期', madeOn(now)],
    ['文章数', `${articles.length} 篇`],
  ];
  if (opts.query?.trim()) lines.push(['检索词', opts.query.trim()]);
  return lines;
}

function mdArticle(a: ArticleDetail, n: number, terms: string[]): string {
  const out: string[] = [];
  if (a.kicker?.trim()) out.push(`*${mdMarked(a.kicker.trim(), terms)}*`, '');
  out.push(`## ${n}. ${mdMarked(a.title.trim(), terms)}`, '');
  if (a.subtitle?.trim()) out.push(`*——${mdMarked(a.subtitle.trim(), terms)}*`, '');
  const meta: [string, string][] = [];
  const src = sourceLine(a, ' ');
  if (src) meta.push(['来源', src]);
  if (a.byline?.raw?.trim()) meta.push(['作者', a.byline.raw.trim()]);
  const tags = tagLine(a);
  if (tags) meta.push(['标签', tags]);
  for (const [k, v] of meta) out.push(`> **${k}**：${escapeMarkdown(v)}  `);
  out.push(`> **引用**：${mdCitation(gbt7714(a))}  `);
  out.push('');
  let dateline = datelinePrefix(a);
  for (const p of a.paragraphs) {
    const text = p.text.trim();
    if (!text) continue;
    if (p.type === 'heading') out.push(`### ${mdMarked(text, terms)}`);
    else if (p.type === 'caption') out.push(`*图：${mdMarked(text, terms)}*`);
    else {
      out.push((dateline ? `**${escapeMarkdown(dateline)}** ` : '') + mdMarked(text, terms));
      dateline = '';
    }
    out.push('');
  }
  return out.join('\n');
}

export function clippingMarkdown(articles: ArticleDetail[], opts: ClippingOptions): string {
  const title = opts.title?.trim() || DEFAULT_TITLE;
  const now = opts.now ?? new Date();
  const terms = prepareTerms(opts.highlightTerms);
  const out: string[] = [`# ${escapeMarkdown(title)}`, ''];
  for (const [k, v] of coverLines(articles, opts, now)) out.push(`- ${k}：${escapeMarkdown(v)}`);
  out.push('');
  if (articles.length > TOC_MIN) {
    out.push('## 目录', '');
    articles.forEach((a, i) => {
      const src = sourceLine(a, ' ');
      out.push(`${i + 1}. ${escapeMarkdown(a.title.trim())}${src ? `（${escapeMarkdown(src)}）` : ''}`);
    });
    out.push('');
  }
  articles.forEach((a, i) => out.push('---', '', mdArticle(a, i + 1, terms)));
  // 参考文献: one paragraph per entry (a Markdown list would renumber `[1]`).
  out.push('---', '', '## 参考文献', '');
  for (const r of referenceList(articles)) out.push(mdCitation(r), '');
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

// ---------- plain text ----------

const RULE = '━'.repeat(30);

function txtArticle(a: ArticleDetail, n: number): string {
  const out: string[] = [RULE, ''];
  if (a.kicker?.trim()) out.push(a.kicker.trim());
  out.push(`【${n}】${a.title.trim()}`);
  if (a.subtitle?.trim()) out.push(`——${a.subtitle.trim()}`);
  out.push('');
  const src = sourceLine(a, ' ');
  if (src) out.push(`来源：${src}`);
  if (a.byline?.raw?.trim()) out.push(`作者：${a.byline.raw.trim()}`);
  const tags = tagLine(a);
  if (tags) out.push(`标签：${tags}`);
  out.push(`引用：${gbt7714(a)}`, '');
  let dateline = datelinePrefix(a);
  for (const p of a.paragraphs) {
    const text = p.text.trim();
    if (!text) continue;
    if (p.type === 'heading') out.push('', `■ ${text}`, '');
    else if (p.type === 'caption') out.push(`［图］${text}`, '');
    else {
      out.push(`\u3000\u3000${dateline ? `${dateline}\u3000` : ''}${text}`, '');
      dateline = '';
    }
  }
  return out.join('\n');
}

export function clippingText(articles: ArticleDetail[], opts: ClippingOptions): string {
  const title = opts.title?.trim() || DEFAULT_TITLE;
  const now = opts.now ?? new Date();
  const out: string[] = [title, ''];
  for (const [k, v] of coverLines(articles, opts, now)) out.push(`${k}：${v}`);
  out.push('');
  if (articles.length > TOC_MIN) {
    out.push('目录', '');
    articles.forEach((a, i) => {
      const src = sourceLine(a, ' ');
      out.push(`  ${i + 1}. ${a.title.trim()}${src ? `（${src}）` : ''}`);
    });
    out.push('');
  }
  for (let i = 0; i < articles.length; i++) out.push(txtArticle(articles[i], i + 1));
  out.push(RULE, '', '参考文献', '', ...referenceList(articles));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
