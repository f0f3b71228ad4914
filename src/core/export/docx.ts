/**
 * Word clippings (docx package): real styles so the file stays editable in
 * Word and WPS — Title for the set name, Heading 1 for headlines (with a
 * bookmark the table of contents links to), Heading 2 for subheads, Caption
 * for photo captions, and small styles for kicker, subtitle, byline, source,
 * tags and citation; the set ends with 参考文献 (style Reference, GB/T 7714
 * entries numbered in clipping order). East Asian fonts are set in the styles.
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  InternalHyperlink,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphStyleOptions,
  type ParagraphChild,
} from 'docx';
import type { ArticleDetail } from '../../shared/api';
import { markTerms, prepareTerms } from '../../shared/find-terms';
import { TOC_MIN } from './html';
import { typesetPunct } from './punct';
import { gbt7714, referenceList } from './citation';
import { datelinePrefix, madeOn, sourceLine, tagLine } from './attribution';
import { DEFAULT_TITLE, type ClippingOptions } from './types';

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const HEAD_FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体', cs: 'Arial' };
const LANG = { value: 'en-US', eastAsia: 'zh-CN' };
const ACCENT = '9B2226';
const GREY = '666666';

/** Half-points. */
const SIZE = { body: 21, small: 18, title: 40, h1: 32, h2: 24, kicker: 22 };

/** A centred line of the headline block: its style's id (also its name), the style after it, size, colour and spacing. */
function headLineStyle(id: string, next: string, size: number, color: string, before: number, after: number): IParagraphStyleOptions {
  return {
    id,
    name: id,
    basedOn: 'Normal',
    next,
    quickFormat: true,
    run: { font: HEAD_FONT, size, color },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before, after }, keepNext: true },
  };
}

const paragraphStyles: IParagraphStyleOptions[] = [
  headLineStyle('Kicker', 'Heading1', SIZE.kicker, '444444', 120, 60),
  headLineStyle('Subtitle', 'Normal', SIZE.h2, '333333', 60, 120),
  headLineStyle('Byline', 'Normal', SIZE.small, '555555', 60, 240),
  {
    id: 'ClipSource',
    name: 'Clip Source',
    basedOn: 'Normal',
    next: 'Heading1',
    quickFormat: true,
    run: { font: HEAD_FONT, size: SIZE.small, color: ACCENT },
    paragraph: {
      spacing: { before: 0, after: 160 },
      keepNext: true,
      border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'CCCCCC', space: 2 } },
    },
  },
  {
    id: 'Meta',
    name: 'Clip Meta',
    basedOn: 'Normal',
    next: 'Meta',
    quickFormat: true,
    run: { font: HEAD_FONT, size: SIZE.small, color: GREY },
    paragraph: { spacing: { before: 0, after: 40, line: 300 } },
  },
  {
    id: 'Citation',
    name: 'Citation',
    basedOn: 'Meta',
    next: 'Normal',
    quickFormat: true,
    run: { font: HEAD_FONT, size: SIZE.small, color: GREY },
    paragraph: { spacing: { before: 0, after: 240 } },
  },
  {
    id: 'Reference',
    name: 'Reference',
    basedOn: 'Normal',
    next: 'Reference',
    quickFormat: true,
    run: { font: BODY_FONT, size: SIZE.body },
    paragraph: { spacing: { before: 0, after: 80 }, indent: { left: 420, hanging: 420 } },
  },
  {
    id: 'TocEntry',
    name: 'Clip TOC Entry',
    basedOn: 'Normal',
    next: 'TocEntry',
    run: { font: BODY_FONT, size: SIZE.body },
    paragraph: { spacing: { before: 0, after: 60 }, indent: { left: 420, hanging: 420 } },
  },
];

function styles() {
  return {
    default: {
      document: {
        run: { font: BODY_FONT, size: SIZE.body, language: LANG },
        paragraph: { spacing: { line: 360, after: 120 } },
      },
      title: {
        run: { font: HEAD_FONT, size: SIZE.title, bold: true, color: '111111' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 1200, after: 480 } },
      },
      heading1: {
        run: { font: HEAD_FONT, size: SIZE.h1, bold: true, color: '111111' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120, line: 400 }, keepNext: true, outlineLevel: 0 },
      },
      heading2: {
        run: { font: HEAD_FONT, size: SIZE.h2, bold: true, color: '222222' },
        paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, outlineLevel: 1 },
      },
      caption: {
        run: { font: HEAD_FONT, size: SIZE.small, color: '555555', italics: false },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 60, after: 200 } },
      },
    },
    paragraphStyles,
  };
}

/** Runs of one piece of text; a line break inside it becomes a Word line break. */
function lineRuns(text: string, hit: boolean, extra: { bold?: boolean }): TextRun[] {
  return text.split(/\r?\n/).map(
    (line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...extra, ...(hit ? { highlight: 'yellow' as const } : {}) }),
  );
}

function runs(original: string, terms: string[], extra: { bold?: boolean } = {}): TextRun[] {
  const text = typesetPunct(original);
  if (!terms.length) return lineRuns(text, false, extra);
  return markTerms(text, terms).flatMap((s) => lineRuns(s.text, s.mark, extra));
}

function bodyParagraph(children: ParagraphChild[]): Paragraph {
  return new Paragraph({
    children,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 420, firstLineChars: 200 },
  });
}

function articleParagraphs(a: ArticleDetail, n: number, terms: string[], pageBreak: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  const src = sourceLine(a);
  out.push(new Paragraph({ style: 'ClipSource', pageBreakBefore: pageBreak, children: [new TextRun(src || '出处不详')] }));
  if (a.kicker?.trim()) out.push(new Paragraph({ style: 'Kicker', children: runs(a.kicker.trim(), terms) }));
  out.push(
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [new Bookmark({ id: `clip_${n}`, children: runs(a.title.trim(), terms) })],
    }),
  );
  if (a.subtitle?.trim()) out.push(new Paragraph({ style: 'Subtitle', children: runs(a.subtitle.trim(), terms) }));
  if (a.byline?.raw?.trim()) out.push(new Paragraph({ style: 'Byline', children: runs(a.byline.raw.trim(), terms) }));
  let dateline = datelinePrefix(a);
  for (const p of a.paragraphs) {
    const text = p.text.trim();
    if (!text) continue;
    if (p.type === 'heading') out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs(text, terms) }));
    else if (p.type === 'caption') out.push(new Paragraph({ style: 'Caption', children: runs(text, terms) }));
    else {
      const lead = dateline ? [new TextRun({ text: `${dateline}\u3000`, bold: true, font: HEAD_FONT })] : [];
      dateline = '';
      out.push(bodyParagraph([...lead, ...runs(text, terms)]));
    }
  }
  const tags = tagLine(a);
  if (tags) out.push(new Paragraph({ style: 'Meta', spacing: { before: 200 }, children: [new TextRun(`标签：${tags}`)] }));
  out.push(new Paragraph({ style: 'Citation', spacing: tags ? undefined : { before: 200 }, children: [new TextRun(`引用：${gbt7714(a)}`)] }));
  return out;
}

export async function clippingDocx(articles: ArticleDetail[], opts: ClippingOptions): Promise<Buffer> {
  const title = opts.title?.trim() || DEFAULT_TITLE;
  const now = opts.now ?? new Date();
  const terms = prepareTerms(opts.highlightTerms);
  const withToc = articles.length > TOC_MIN;
  const pageBreaks = opts.pageBreaks !== false;

  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] })];
  const meta = [`制作日期：${madeOn(now)}`, `文章数：${articles.length} 篇`];
  if (opts.query?.trim()) meta.push(`检索词：${opts.query.trim()}`);
  for (const m of meta) children.push(new Paragraph({ style: 'Meta', alignment: AlignmentType.CENTER, children: [new TextRun(m)] }));
  if (withToc) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 600 }, children: [new TextRun('目录')] }));
    articles.forEach((a, i) => {
      const src = sourceLine(a, ' ');
      children.push(
        new Paragraph({
          style: 'TocEntry',
          children: [
            new TextRun(`${i + 1}.\t`),
            new InternalHyperlink({ anchor: `clip_${i + 1}`, children: [new TextRun({ text: a.title.trim(), style: 'Hyperlink' })] }),
            ...(src ? [new TextRun({ text: `（${src}）`, color: GREY, size: SIZE.small })] : []),
          ],
        }),
      );
    });
  }
  articles.forEach((a, i) => {
    // Mirrors the HTML: the cover shares its page with the first article unless it carries a table of contents.
    const brk = pageBreaks ? withToc || i > 0 : withToc && i === 0;
    children.push(...articleParagraphs(a, i + 1, terms, brk));
  });
  // 参考文献: a Heading 2 like 目录 (in Word's navigation pane) right after the last article, one hanging-indented entry per clipping.
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 600 }, children: [new TextRun('参考文献')] }));
  for (const r of referenceList(articles)) children.push(new Paragraph({ style: 'Reference', children: [new TextRun(r)] }));

  const doc = new Document({
    title,
    creator: '报库 Baoku',
    description: `剪报，共 ${articles.length} 篇`,
    keywords: opts.query?.trim() || undefined,
    styles: styles(),
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1440, bottom: 1300, left: 1300, right: 1300, header: 720, footer: 600 },
          },
        },
        headers: {
          default: new Header({
            children: [new Paragraph({ style: 'Meta', alignment: AlignmentType.RIGHT, children: [new TextRun(title)] })],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: 'Meta',
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页 / 共 ', PageNumber.TOTAL_PAGES, ' 页'] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
