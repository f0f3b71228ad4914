/** Markdown, plain text, CSV and HTML clippings of the sample page. */
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_HEADER, exportClippings, gbt7714, referenceList } from '../../src/core/export';
import { mdCitation } from '../../src/core/export/text';
import type { ArticleDetail } from '../../src/shared/api';
import { awkwardArticle, sampleArticles } from './sample';

const NOW = new Date(2024, 4, 6, 10, 30);
let sample: ArticleDetail[];

beforeAll(() => {
  sample = sampleArticles();
});

describe('sample fixture', () => {
  it('has the sidebar and three stories with bylines', () => {
    expect(sample.length).toBe(4);
    expect(sample.filter((a) => a.byline?.reporters.length).length).toBe(3);
  });
});

describe('Markdown', () => {
  it('has a cover, a table of contents and every article with every paragraph', async () => {
    const r = await exportClippings(sample, { format: 'md', title: '高新区', query: '淄博 高新区', now: NOW });
    expect(r.fileName).toBe('剪报_高新区_2024-05-06.md');
    expect(r.mime).toMatch(/^text\/markdown/);
    const md = r.data.toString('utf8');
    expect(md.startsWith('# 高新区\n')).toBe(true);
    expect(md).toContain('- 文章数：4 篇');
    expect(md).toContain('- 检索词：淄博 高新区');
    expect(md).toContain('- 制作日期：2024年5月6日');
    expect(md).toContain('## 目录');
    sample.forEach((a, i) => {
      expect(md).toContain(`## ${i + 1}. ${a.title}`);
      for (const p of a.paragraphs) {
        if (p.type === 'heading') expect(md).toContain(`### ${p.text}`);
        else expect(md).toContain(p.text);
      }
      if (a.byline) expect(md).toContain(`> **作者**：${a.byline.raw}`);
      expect(md).toContain('> **来源**：大众日报 2022年1月28日 第3版');
      if (a.dateline) expect(md).toContain(`**${a.dateline.raw}** ${a.paragraphs.find((p) => p.type === 'text')!.text}`);
    });
    expect(md).toContain('记者：陆晓茜；通讯员：徐浩、郭方强、李乐天；部门：淄博融媒体中心；主题：淄博');
    // Each article's citation, and the reference list (参考文献) at the end, in GB/T 7714.
    expect(md).toContain(`> **引用**：陆晓茜, 徐浩, 郭方强, 等. ${sample[1].title}[N]. 大众日报, 2022-01-28(3).`);
    const refs = md.slice(md.indexOf('\n## 参考文献\n'));
    expect(refs.length).toBeGreaterThan(20);
    expect(md.indexOf('\n## 参考文献\n')).toBeGreaterThan(md.lastIndexOf(sample[3].paragraphs.at(-1)!.text));
    expect(refs.trim().split('\n\n').slice(1)).toEqual(referenceList(sample).map(mdCitation));
    expect(refs).toContain('\n[2] 陆晓茜, 徐浩, 郭方强, 等. 淄博高新区召开2022年工作会议');
    // The entry's own brackets stay plain; markup and brackets in a title are escaped.
    expect(mdCitation('[1] 标题 [x](javascript:y) *z*[N]. [报纸名不详], [1997-12-30].')).toBe(
      '[1] 标题 \\[x\\](javascript:y) \\*z\\*[N]. [报纸名不详], [1997-12-30].',
    );
  });

  it('escapes markup in article text and marks highlight terms', async () => {
    const a = awkwardArticle();
    const md = (await exportClippings([a], { format: 'md', highlightTerms: ['观众'], now: NOW })).data.toString('utf8');
    expect(md).toContain('a\\<b && c\\>d');
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('### 一、小标题 #1 \\* 星号 \\_下划线\\_');
    expect(md).toContain('*图：图为 \\<现场\\> & **观众***');
    expect(md).not.toContain('## 目录');
  });
});

describe('plain text', () => {
  it('holds every paragraph and the metadata block', async () => {
    const r = await exportClippings(sample, { format: 'txt', now: NOW });
    expect(r.fileName).toBe('剪报_2024-05-06.txt');
    const txt = r.data.toString('utf8');
    expect(txt).not.toMatch(/[<>*#]/);
    sample.forEach((a, i) => {
      expect(txt).toContain(`【${i + 1}】${a.title}`);
      if (a.subtitle) expect(txt).toContain(`——${a.subtitle}`);
      for (const p of a.paragraphs) expect(txt).toContain(p.text);
      if (a.byline) expect(txt).toContain(`作者：${a.byline.raw}`);
      expect(txt).toContain(`引用：${gbt7714(a)}`);
      expect(txt).toContain(`[${i + 1}] ${gbt7714(a)}`);
    });
    expect(txt.trimEnd().endsWith(referenceList(sample).join('\n'))).toBe(true);
    expect(txt).toContain('来源：大众日报 2022年1月28日 第3版');
  });
});

describe('CSV', () => {
  it('is UTF-8 with BOM, one row per article with the right columns', async () => {
    const all = [...sample, awkwardArticle()];
    const r = await exportClippings(all, { format: 'csv', now: NOW });
    expect([...r.data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(r.data, { bom: true }) as string[][];
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows.length).toBe(all.length + 1);
    all.forEach((a, i) => {
      const row = rows[i + 1];
      expect(row.length).toBe(CSV_HEADER.length);
      expect(row[0]).toBe(String(a.id));
      expect(row[1]).toBe('大众日报');
      expect(row[3]).toBe(String(a.page));
      expect(row[4]).toBe(a.title);
      expect(row[8]).toBe(String(a.chars));
      expect(Array.from(row[9]).length).toBe(100);
      expect(row[10]).toBe(gbt7714(a));
    });
    expect(CSV_HEADER[10]).toBe('引用');
    const story = rows.find((r) => r[4].includes('工作会议'))!;
    expect(story[2]).toBe('2022-01-28');
    expect(story[5]).toBe('陆晓茜、徐浩、郭方强、李乐天');
    expect(story[6]).toBe('淄博融媒体中心');
    expect(story[7]).toBe('淄博');
    expect(story[9].startsWith('1月25日,淄博高新区召开2022年工作会议')).toBe(true);
    const odd = rows[rows.length - 1];
    expect(odd[4]).toBe('标题含 <b>粗体</b> & “引号” 《书名》');
    expect(odd[5]).toBe('张三、王五、李四');
    // A spreadsheet must not run a cell as a formula.
    expect(odd[7]).toBe("营商环境、-负号开头");
    expect(odd[9].startsWith('比较 a<b && c>d')).toBe(true);
    const formula = parse((await exportClippings([{ ...awkwardArticle(), title: '=1+1' }], { format: 'csv' })).data, { bom: true }) as string[][];
    expect(formula[1][4]).toBe("'=1+1");
  });
});

describe('HTML', () => {
  it('is self-contained and escapes article text', async () => {
    const r = await exportClippings([...sample, awkwardArticle()], { format: 'html', title: '测试 <集>', now: NOW });
    expect(r.mime).toMatch(/^text\/html/);
    expect(r.fileName).toBe('剪报_测试 集_2024-05-06.html');
    expect((await exportClippings([], { format: 'html', title: '2022/01: 高新区?', now: NOW })).fileName).toBe('剪报_202201 高新区_2024-05-06.html');
    const html = r.data.toString('utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<title>测试 &lt;集&gt;</title>');
    // No external resources, no script.
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(|@import|https?:\/\//i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('逗号，分号；冒号：都在，换行<br>之后继续。');
    expect(html).toContain('标题含 &lt;b&gt;粗体&lt;/b&gt; &amp; “引号” 《书名》');
    expect(html).toContain('副题 &quot;quoted&quot;');
    expect(html).toContain('&#39;单引号&#39;');
    expect(html).toContain('line-break: strict');
    expect(html).toContain('"Noto Serif CJK SC"');
    // Cover, table of contents with links to every article.
    expect(html).toContain('<dd>5 篇</dd>');
    for (let i = 1; i <= 5; i++) {
      expect(html).toContain(`href="#clip-${i}"`);
      expect(html).toContain(`id="clip-${i}"`);
    }
    for (const a of sample) {
      for (const p of a.paragraphs) if (p.type === 'heading') expect(html).toContain(`<h3>${p.text.replace(/"/g, '&quot;')}</h3>`);
      if (a.byline) expect(html).toContain(`<p class="byline">${a.byline.raw}</p>`);
    }
    expect(html).toContain('<p class="caption">图为 &lt;现场&gt; &amp; 观众</p>');
    expect(html).toContain('<span class="dateline">本报济南2月3日讯</span>');
    // Citations: each article's, and the reference list after the last article.
    expect(html).toContain('<span class="cite-label">引用：</span>张三, 王五. 标题含 &lt;b&gt;粗体&lt;/b&gt;');
    const refs = html.slice(html.indexOf('<section class="references"'));
    expect(html.indexOf('<section class="references"')).toBeGreaterThan(html.lastIndexOf('</article>'));
    expect(refs).toContain('<h2>参考文献</h2>');
    expect([...refs.matchAll(/<p class="ref">\[(\d)\] /g)].map((m) => m[1])).toEqual(['1', '2', '3', '4', '5']);
    expect(refs).toContain('<p class="ref">[5] 张三, 王五. 标题含 &lt;b&gt;粗体&lt;/b&gt; &amp; “引号” 《书名》: 副题 &quot;quoted&quot;[N]. 大众日报, 2023-02-04(12).</p>');
  });

  it('has no table of contents for three articles, flows when asked and marks terms', async () => {
    const three = sample.slice(1);
    const html = (await exportClippings(three, { format: 'html', pageBreaks: false, highlightTerms: ['高新区'], now: NOW })).data.toString('utf8');
    expect(html).not.toContain('class="toc"');
    expect(html).toContain('<body class="flow">');
    expect(html).toContain('<mark>高新区</mark>');
    const paged = (await exportClippings(three, { format: 'html', now: NOW })).data.toString('utf8');
    expect(paged).toContain('<body class="paged">');
    expect(paged).not.toContain('<mark>');
  });
});
