/**
 * parsePage behaviour beyond the labelled pages: options first, odd input, jieba use.
 * Parse speed is a benchmark figure, not a test: `node bin/run-ts.mjs scripts/eval-pages-dev.ts` prints it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/core/ingest';
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

  it('keeps offsets valid with CRLF text given as is', () => {
    const text = '标题一\r\n\r\n本报讯 正文一。\r\n\r\n大众日报记者 张三\r\n\r\n标题二\r\n\r\n本报讯 正文二。\r\n';
    const p = parsePage(text, { file: 'x.txt' });
    expect(p.articles.map((a) => text.slice(a.charStart, a.charEnd).split(/\r?\n/)[0])).toEqual(['标题一', '标题二']);
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
