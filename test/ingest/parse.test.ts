/**
 * parsePage behaviour beyond the labelled pages: options first, odd input, jieba use.
 * Parse speed is a benchmark figure, not a test: `node bin/run-ts.mjs scripts/eval-pages-dev.ts` prints it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/core/ingest';
import { PARAGRAPH_MAX } from '../../src/core/ingest/long-paragraphs';
import { jiebaCalls } from '../../src/core/ingest/words';

const FIX = path.resolve('test/fixtures/pages');

describe('parsePage', () => {
  it('prefers options over the file name and warns when they disagree', () => {
    const p = parsePage('标题\n\n正文第一段。\n', { file: 'dzrb_20220128_03.txt', paper: '齐鲁晚报', date: '2022-02-01', page: 5 });
    expect(p).toMatchObject({ paper: '齐鲁晚报', date: '2022-02-01', page: 5 });
    expect(p.warnings.some((w) => w.includes('不一致'))).toBe(true);
  });

  it('reads odd text without an error of its own', () => {
    // parsePage turns anything thrown inside into a `解析出错` warning: there must be none.
    for (const t of ['', '\n\n\n', '。。。', '（）', 'a'.repeat(10000), '记者\n\n通讯员\n\n摄', '本报讯', '第3版\n\n责任编辑 王五']) {
      const p = parsePage(t, { file: 'x.txt' });
      expect(p.warnings.filter((w) => w.startsWith('解析出错')), JSON.stringify(t.slice(0, 20))).toEqual([]);
    }
    expect(parsePage('', { file: 'x.txt' }).warnings).toContain('没有找到文章');
  });

  it('cuts a paragraph no paper prints (a page on one line) at sentence ends, with a warning', () => {
    const sentence = '全国总工会今天在北京召开会议，部署春节期间走访慰问困难职工工作。';
    const line = sentence.repeat(700); // 22,400 characters, no line break
    const p = parsePage(`职工冷暖挂心头\n\n${line}\n`, { file: 'rmrb_19980101_01.txt' });
    expect(p.articles).toHaveLength(1);
    const [a] = p.articles;
    expect(a.paragraphs.length).toBeGreaterThan(4);
    for (const q of a.paragraphs) {
      expect(q.text.length).toBeLessThanOrEqual(PARAGRAPH_MAX);
      expect(q.text).toMatch(/^全国总工会.*。$/);
    }
    expect(a.paragraphs.map((q) => q.text).join('')).toBe(line);
    expect(a.warnings).toContain(`段落过长（${line.length} 字），已在句末切分为 ${a.paragraphs.length} 段`);
    expect(p.warnings).toContain(`《职工冷暖挂心头》段落过长（${line.length} 字），已在句末切分为 ${a.paragraphs.length} 段`);
  });

  it('cuts a long stretch without a sentence end at the hard limit, never inside a character', () => {
    const line = `开头一句话。${'𠀀汉字'.repeat(4000)}`;
    const [a] = parsePage(`标题在此\n\n${line}\n`, { file: 'x.txt' }).articles;
    expect(a.paragraphs.map((q) => q.text).join('')).toBe(line);
    for (const q of a.paragraphs) {
      expect(q.text.length).toBeLessThanOrEqual(PARAGRAPH_MAX);
      expect(q.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
    expect(a.warnings).toContain(`段落过长（${line.length} 字），已切分为 ${a.paragraphs.length} 段（其中 ${a.paragraphs.length - 1} 处没有句末，按 ${PARAGRAPH_MAX} 字切开）`);
  });

  it('leaves paragraphs of real length whole', () => {
    const para = '本报北京１月１日讯 '.concat('全国总工会今天在北京召开会议，部署春节期间走访慰问困难职工工作。'.repeat(100));
    const [a] = parsePage(`标题在此\n\n${para}\n`, { file: 'x.txt' }).articles;
    expect(a.paragraphs).toHaveLength(1);
    expect(a.warnings.join()).not.toContain('段落过长');
  });

  it('keeps offsets valid with CRLF text given as is', () => {
    const text = '标题一\r\n\r\n本报讯 正文一。\r\n\r\n大众日报记者 张三\r\n\r\n标题二\r\n\r\n本报讯 正文二。\r\n';
    const p = parsePage(text, { file: 'x.txt' });
    expect(p.articles.map((a) => text.slice(a.charStart, a.charEnd).split(/\r?\n/)[0])).toEqual(['标题一', '标题二']);
  });

  it('reads a text still opening with its byte-order mark as the same page, offsets counted in the text given', () => {
    // E-paper text: the mark before the unindented first headline must not read as an indent.
    for (const name of ['rmrb_20210105_02.txt', 'rmrb_19980105_04.txt']) {
      const text = fs.readFileSync(path.join(FIX, name), 'utf8');
      const plain = parsePage(text, { file: name }).articles;
      const marked = parsePage('\ufeff' + text, { file: name }).articles;
      expect(marked.map((a) => [a.kicker, a.title, a.subtitle, a.paragraphs.length, a.charStart])).toEqual(plain.map((a) => [a.kicker, a.title, a.subtitle, a.paragraphs.length, (a.charStart ?? 0) + 1]));
    }
  });

  it('parses every page and asks jieba only at a fraction of the paragraph breaks', () => {
    // Real ~20 KB pages when the shared set is present, else the fixtures repeated to ~20 KB.
    const dev = path.resolve('../shared/pages-dev');
    const texts = fs.existsSync(dev)
      ? fs.readdirSync(dev).filter((f) => /^\d{8}-\d{2}\.txt$/.test(f)).map((f) => fs.readFileSync(path.join(dev, f), 'utf8'))
      : fs
          .readdirSync(FIX)
          .filter((f) => f.endsWith('.txt') && !f.startsWith('gbk') && !f.startsWith('utf16'))
          .map((f) => fs.readFileSync(path.join(FIX, f), 'utf8'))
          .map((t) => Array.from({ length: Math.ceil(20000 / Buffer.byteLength(t)) }, () => t).join('\n\n'));
    // Loads jieba's dictionary once, so that the count below is the parser's own.
    parsePage(texts[0]!, { file: 'warm.txt' });
    const before = jiebaCalls();
    let lines = 0;
    for (const t of texts) {
      const p = parsePage(t, { file: 'x.txt' });
      lines += t.split(/\n\s*\n/).length;
      expect(p.articles.length).toBeGreaterThan(0);
    }
    // jieba is asked at a fraction of the line breaks only.
    expect(jiebaCalls() - before).toBeLessThan(lines);
  });
});
