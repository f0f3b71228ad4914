/**
 * The self-contained clippings HTML: cover, table of contents (more than three
 * articles), then one <article> per clipping, then the reference list
 * (参考文献, GB/T 7714 entries numbered in clipping order). Inline CSS only, no external
 * resources; every piece of article text is escaped. The PDF is printed from it.
 */
import type { ArticleDetail } from '../../shared/api';
import { markTerms, prepareTerms } from '../../shared/find-terms';
import { gbt7714, referenceList } from './citation';
import {
  chineseDate,
  datelinePrefix,
  departments,
  madeOn,
  people,
  ROLES,
  sourceLine,
  topics,
} from './attribution';
import { typesetPunct } from './punct';
import { CLIPPING_CSS } from './style';
import { DEFAULT_TITLE, type ClippingOptions } from './types';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]);
}

/** Escaped, with line breaks inside a paragraph kept. */
function escapeLines(s: string): string {
  return escapeHtml(s).replace(/\r?\n/g, '<br>');
}

/** Typeset, escaped text with the terms wrapped in <mark>. */
function marked(original: string, terms: string[]): string {
  const text = typesetPunct(original);
  if (!terms.length) return escapeLines(text);
  return markTerms(text, terms)
    .map((s) => (s.mark ? `<mark>${escapeLines(s.text)}</mark>` : escapeLines(s.text)))
    .join('');
}

/** Articles that get a table of contents: more than this many. */
export const TOC_MIN = 3;

function dateRange(articles: ArticleDetail[]): string {
  const dates = articles.map((a) => a.date).filter((d): d is string => !!d).sort();
  if (!dates.length) return '';
  const first = chineseDate(dates[0]);
  const last = chineseDate(dates[dates.length - 1]);
  return first === last ? first : `${first} 至 ${last}`;
}

function cover(articles: ArticleDetail[], opts: ClippingOptions, title: string, now: Date): string {
  const withToc = articles.length > TOC_MIN;
  const meta: [string, string][] = [
    ['制作日期', madeOn(now)],
    ['文章数', `${articles.length} 篇`],
  ];
  const range = dateRange(articles);
  if (range) meta.push(['见报日期', range]);
  if (opts.query?.trim()) meta.push(['检索词', opts.query.trim()]);
  const out = [
    `<section class="cover${withToc ? ' with-toc' : ''}">`,
    title === DEFAULT_TITLE ? '' : `<p class="cover-label">剪报</p>`,
    `<h1 class="set-title">${escapeHtml(title)}</h1>`,
    `<dl class="cover-meta">${meta.map(([k, v]) => `<dt>${k}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`,
  ];
  if (withToc) {
    out.push('<nav class="toc"><h2>目录</h2><ol>');
    articles.forEach((a, i) => {
      const src = sourceLine(a, ' ');
      out.push(
        `<li><a href="#clip-${i + 1}"><span class="toc-title">${escapeHtml(a.title)}</span>` +
          (src ? `<span class="toc-src">${escapeHtml(src)}</span>` : '') +
          '</a></li>',
      );
    });
    out.push('</ol></nav>');
  }
  out.push('</section>');
  return out.filter(Boolean).join('\n');
}

function tagsHtml(a: ArticleDetail): string {
  const chips: string[] = [];
  const p = people(a);
  for (const r of ROLES) for (const n of p[r]) chips.push(`<span class="tag"><b>${r}</b>${escapeHtml(n)}</span>`);
  for (const d of departments(a)) chips.push(`<span class="tag"><b>部门</b>${escapeHtml(d)}</span>`);
  for (const t of topics(a)) chips.push(`<span class="tag"><b>主题</b>${escapeHtml(t)}</span>`);
  return chips.length ? `<p class="tags"><span class="tags-label">标签：</span>${chips.join('')}</p>` : '';
}

function articleHtml(a: ArticleDetail, n: number, terms: string[]): string {
  const out: string[] = [`<article class="clip" id="clip-${n}">`];
  const src = sourceLine(a);
  if (src) out.push(`<p class="clip-source">${escapeHtml(src)}</p>`);
  out.push('<header class="clip-head">');
  if (a.kicker?.trim()) out.push(`<p class="kicker">${marked(a.kicker, terms)}</p>`);
  out.push(`<h2 class="title">${marked(a.title, terms)}</h2>`);
  if (a.subtitle?.trim()) out.push(`<p class="subtitle">${marked(a.subtitle, terms)}</p>`);
  out.push('</header>');
  if (a.byline?.raw?.trim()) out.push(`<p class="byline">${marked(a.byline.raw, terms)}</p>`);
  out.push('<div class="clip-body">');
  let dateline = datelinePrefix(a);
  for (const p of a.paragraphs) {
    const text = p.text.trim();
    if (!text) continue;
    if (p.type === 'heading') out.push(`<h3>${marked(text, terms)}</h3>`);
    else if (p.type === 'caption') out.push(`<p class="caption">${marked(text, terms)}</p>`);
    else {
      const lead = dateline ? `<span class="dateline">${escapeHtml(dateline)}</span>\u3000` : '';
      dateline = '';
      out.push(`<p>${lead}${marked(text, terms)}</p>`);
    }
  }
  if (dateline) out.push(`<p><span class="dateline">${escapeHtml(dateline)}</span></p>`);
  out.push('</div>', '<footer class="clip-foot">', tagsHtml(a));
  out.push(`<p class="cite"><span class="cite-label">引用：</span>${escapeHtml(gbt7714(a))}</p>`);
  out.push('</footer>', '</article>');
  return out.filter(Boolean).join('\n');
}

export function clippingHtml(articles: ArticleDetail[], opts: ClippingOptions): string {
  const title = opts.title?.trim() || DEFAULT_TITLE;
  const now = opts.now ?? new Date();
  const terms = prepareTerms(opts.highlightTerms);
  const mode = opts.pageBreaks === false ? 'flow' : 'paged';
  const body = articles.map((a, i) => articleHtml(a, i + 1, terms)).join('\n');
  const refs = referenceList(articles).map((r) => `<p class="ref">${escapeHtml(r)}</p>`);
  // 参考文献: the clippings' GB/T 7714 entries, numbered in clipping order.
  const references = `<section class="references" aria-label="参考文献"><h2>参考文献</h2>\n${refs.join('\n')}\n</section>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="报库 Baoku">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CLIPPING_CSS}</style>`,
    '</head>',
    `<body class="${mode}">`,
    '<main class="sheet">',
    cover(articles, opts, title, now),
    body,
    references,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
