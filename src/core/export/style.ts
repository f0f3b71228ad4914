/**
 * The stylesheet of the clippings HTML, for screen and print (A4), with CJK
 * font stacks that resolve on Debian (fonts-noto-cjk), Windows and macOS.
 */

export const SERIF_STACK = '"Noto Serif CJK SC","Source Han Serif SC","Songti SC","SimSun","STSong",serif';
export const SANS_STACK =
  '"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","Hiragino Sans GB","WenQuanYi Micro Hei",sans-serif';

/** Page margins, shared by the CSS `@page` rule and the Chromium renderer (header and footer live in them). */
export const PAGE_MARGIN = { top: '20mm', bottom: '18mm', left: '20mm', right: '20mm' } as const;

export const CLIPPING_CSS = `
@page { size: A4; margin: ${PAGE_MARGIN.top} ${PAGE_MARGIN.right} ${PAGE_MARGIN.bottom} ${PAGE_MARGIN.left}; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; padding: 2.5rem 1rem 4rem; background: #f4f1ea; color: #1b1b1b;
  font-family: ${SERIF_STACK}; font-size: 11pt; line-height: 1.8;
  line-break: strict; word-break: normal; overflow-wrap: break-word;
  font-kerning: normal; text-rendering: optimizeLegibility;
}
.sheet { max-width: 44em; margin: 0 auto; }
h1, h2, h3, .kicker, .subtitle, .clip-source, .byline, .cover-meta, .toc, .clip-foot { font-family: ${SANS_STACK}; }
.cover, .clip { background: #fff; padding: 2.2rem 2.6rem; margin: 0 0 1.6rem; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
.cover-label { font-size: 10pt; letter-spacing: .4em; color: #9b2226; margin: 0 0 .3rem; }
.set-title { text-wrap: balance; word-break: keep-all; overflow-wrap: anywhere; font-size: 24pt; line-height: 1.3; margin: 0 0 1rem; color: #111; border-bottom: 2px solid #9b2226; padding-bottom: .6rem; }
.cover-meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1.2rem; margin: 0; font-size: 10pt; color: #333; }
.cover-meta dt { color: #777; }
.cover-meta dd { margin: 0; }
.toc { margin-top: 1.8rem; }
.toc h2 { font-size: 13pt; margin: 0 0 .6rem; color: #9b2226; }
.toc ol { margin: 0; padding-left: 2.2em; font-size: 10.5pt; line-height: 1.6; }
.toc li { margin: 0 0 .35rem; break-inside: avoid; }
.toc a { color: inherit; text-decoration: none; }
.toc .toc-src { display: block; color: #777; font-size: 9pt; }
.clip-source { font-size: 9.5pt; color: #9b2226; letter-spacing: .05em; border-bottom: 1px solid #ddd; padding-bottom: .3rem; margin: 0 0 1rem; }
.clip-head { margin: 0 0 .8rem; text-align: center; break-after: avoid; }
.kicker { font-size: 11pt; color: #444; margin: 0 0 .2rem; line-height: 1.5; text-wrap: balance; word-break: keep-all; overflow-wrap: anywhere; }
.title { font-size: 18pt; line-height: 1.4; margin: 0; color: #111; font-weight: 700; text-wrap: balance; word-break: keep-all; overflow-wrap: anywhere; }
.subtitle { font-size: 12pt; color: #333; margin: .35rem 0 0; line-height: 1.5; text-wrap: balance; word-break: keep-all; overflow-wrap: anywhere; }
.byline { font-size: 9.5pt; color: #555; text-align: center; margin: 0 0 1.1rem; line-height: 1.6; }
.clip-body p { margin: 0 0 .55em; text-indent: 2em; text-align: justify; orphans: 2; widows: 2; }
.clip-body .dateline { font-family: ${SANS_STACK}; font-weight: 700; }
.clip-body h3 { font-size: 11.5pt; line-height: 1.5; margin: 1.1em 0 .5em; font-weight: 700; break-after: avoid; color: #222; }
.clip-body p.caption { text-indent: 0; text-align: center; font-family: ${SANS_STACK}; font-size: 9.5pt; color: #555; margin: .6em 0 .9em; break-inside: avoid; }
.clip-body p.caption::before { content: "▲ "; color: #9b2226; }
.clip-foot { break-before: avoid; margin-top: 1.2rem; padding-top: .6rem; border-top: 1px solid #ddd; font-size: 9pt; color: #555; line-height: 1.6; break-inside: avoid; }
.clip-foot p { margin: 0 0 .3rem; }
.tag { display: inline-block; border: 1px solid #ccc; border-radius: 3px; padding: 0 .4em; margin: 0 .35em .25em 0; white-space: nowrap; }
.tag b { font-weight: 400; color: #888; margin-right: .25em; }
.cite-label, .tags-label { color: #888; }
.references { background: #fff; padding: 2.2rem 2.6rem; margin: 0 0 1.6rem; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
.references h2 { font-family: ${SANS_STACK}; font-size: 13pt; margin: 0 0 .8rem; color: #9b2226; }
.references .ref { margin: 0 0 .4rem; padding-left: 2.2em; text-indent: -2.2em; font-size: 10pt; line-height: 1.6; break-inside: avoid; }
mark { background: #ffe066; color: inherit; padding: 0 .05em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print {
  body { background: none; padding: 0; font-size: 10.5pt; }
  .sheet { max-width: none; }
  .cover, .clip, .references { box-shadow: none; padding: 0; margin: 0; background: none; }
  .references { margin-top: 2rem; padding-top: 1.2rem; border-top: 2px solid #9b2226; }
  .references h2 { break-after: avoid; }
  .paged .cover.with-toc { break-after: page; }
  .paged .clip { break-before: page; }
  .paged .cover:not(.with-toc) + .clip { break-before: auto; }
  .flow .clip + .clip { margin-top: 1.8rem; padding-top: 1.2rem; border-top: 1px solid #bbb; }
  .flow .cover + .clip, .paged .cover:not(.with-toc) + .clip { margin-top: 1.6rem; }
  .flow .cover.with-toc + .clip { margin-top: 2rem; padding-top: 1.2rem; border-top: 2px solid #9b2226; }
  .clip-head, .byline { break-after: avoid; break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
