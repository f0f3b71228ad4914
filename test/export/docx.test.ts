/** Word clippings: real heading styles, captions, East Asian fonts, editable runs. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportClippings, referenceList } from '../../src/core/export';
import type { ArticleDetail } from '../../src/shared/api';
import { awkwardArticle, sampleArticles } from './sample';

const NOW = new Date(2024, 4, 6, 10, 30);
const dir = mkdtempSync(path.join(tmpdir(), 'baoku-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function unzipEntry(data: Buffer, entry: string): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.docx`);
  writeFileSync(file, data);
  return execFileSync('unzip', ['-p', file, entry], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

const unxml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

interface Para {
  style: string;
  text: string;
  runs: number;
  xml: string;
}

function paragraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => {
    const p = m[0];
    return {
      style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? '',
      text: unxml([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
      runs: (p.match(/<w:r>|<w:r /g) ?? []).length,
      xml: p,
    };
  });
}

/** Compare across the width folding the export applies to punctuation. */
const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

let sample: ArticleDetail[];
let doc: Para[];
let styles: string;

beforeAll(async () => {
  sample = sampleArticles();
  const r = await exportClippings([...sample, awkwardArticle()], { format: 'docx', title: '高新区', query: '高新区', highlightTerms: ['高新区'], now: NOW });
  expect(r.fileName).toBe('剪报_高新区_2024-05-06.docx');
  expect(r.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  expect(r.data.subarray(0, 2).toString()).toBe('PK');
  doc = paragraphs(unzipEntry(r.data, 'word/document.xml'));
  styles = unzipEntry(r.data, 'word/styles.xml');
});

describe('DOCX', () => {
  it('has the set name as Title and every headline as Heading 1', () => {
    expect(doc.filter((p) => p.style === 'Title').map((p) => p.text)).toEqual(['高新区']);
    const h1 = doc.filter((p) => p.style === 'Heading1').map((p) => fold(p.text));
    expect(h1).toEqual([...sample, awkwardArticle()].map((a) => fold(a.title)));
  });

  it('has subheads as Heading 2, captions as Caption, body paragraphs on their own', () => {
    const all = [...sample, awkwardArticle()];
    const h2 = doc.filter((p) => p.style === 'Heading2').map((p) => fold(p.text));
    const headings = all.flatMap((a) => a.paragraphs.filter((p) => p.type === 'heading').map((p) => fold(p.text)));
    expect(h2).toEqual(['目录', ...headings, '参考文献']);
    const captions = all.flatMap((a) => a.paragraphs.filter((p) => p.type === 'caption').map((p) => fold(p.text)));
    expect(captions.length).toBeGreaterThan(0);
    expect(doc.filter((p) => p.style === 'Caption').map((p) => fold(p.text))).toEqual(captions);
    const texts = doc.map((p) => fold(p.text));
    for (const a of all) {
      for (const p of a.paragraphs.filter((x) => x.type === 'text')) {
        expect(texts.some((t) => t.endsWith(fold(p.text)))).toBe(true);
      }
    }
  });

  it('carries kicker, subtitle, byline, source, tags and citation in their styles', () => {
    const by = (style: string) => doc.filter((p) => p.style === style).map((p) => p.text);
    expect(by('Kicker').map(fold)).toEqual([...sample, awkwardArticle()].filter((a) => a.kicker).map((a) => fold(a.kicker!)));
    expect(by('Kicker')).toContain('引题 <肩题>');
    expect(by('Subtitle').map(fold)).toEqual([...sample, awkwardArticle()].filter((a) => a.subtitle).map((a) => fold(a.subtitle!)));
    expect(by('Byline')).toContain('大众日报淄博融媒体中心记者 陆晓茜 通讯员 徐浩 郭方强 李乐天');
    expect(by('ClipSource')).toContain('大众日报 · 2022年1月28日 · 第3版');
    expect(by('Citation')).toContain('引用：张三, 王五. 标题含 <b>粗体</b> & “引号” 《书名》: 副题 "quoted"[N]. 大众日报, 2023-02-04(12).');
    expect(by('Meta')).toContain('标签：记者：张三、王五；摄影：李四；部门：经济部；主题：营商环境、-负号开头');
    expect(by('Meta')).toContain('检索词：高新区');
  });

  it('highlights terms, keeps the dateline and sets East Asian fonts in the styles', () => {
    expect(doc.some((p) => p.xml.includes('<w:highlight w:val="yellow"/>'))).toBe(true);
    expect(doc.some((p) => p.text.startsWith('本报济南2月3日讯\u3000比较 a<b && c>d'))).toBe(true);
    expect(styles).toMatch(/w:eastAsia="宋体"/);
    expect(styles).toMatch(/w:eastAsia="黑体"/);
    expect(styles).toMatch(/w:eastAsia="zh-CN"/);
    for (const id of ['Title', 'Heading1', 'Heading2', 'Caption', 'Byline', 'Citation']) expect(styles).toContain(`w:styleId="${id}"`);
  });

  it('ends with the reference list (参考文献): every clipping in GB/T 7714, numbered in order', () => {
    const all = [...sample, awkwardArticle()];
    const refs = doc.filter((p) => p.style === 'Reference').map((p) => p.text);
    expect(refs).toEqual(referenceList(all));
    expect(refs[1]).toBe(`[2] 陆晓茜, 徐浩, 郭方强, 等. ${sample[1].title}[N]. 大众日报, 2022-01-28(3).`);
    const head = doc.findIndex((p) => p.style === 'Heading2' && p.text === '参考文献');
    expect(doc.slice(head + 1).map((p) => p.style)).toEqual(all.map(() => 'Reference'));
    expect(styles).toContain('w:styleId="Reference"');
  });

  it('starts each article on a new page unless told to flow', async () => {
    const breaks = doc.filter((p) => p.xml.includes('<w:pageBreakBefore/>')).length;
    expect(breaks).toBe(sample.length + 1);
    const flow = await exportClippings(sample.slice(1), { format: 'docx', pageBreaks: false, now: NOW });
    expect(paragraphs(unzipEntry(flow.data, 'word/document.xml')).some((p) => p.xml.includes('<w:pageBreakBefore/>'))).toBe(false);
  });
});
