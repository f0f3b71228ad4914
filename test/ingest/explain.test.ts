/**
 * `baoku parse FILE --explain`: each line's class and, at every boundary, the rule that decided it.
 * The explanation must agree with what `parsePage` does on the same page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainPage, formatExplained, parsePage } from '../../src/core/ingest';

const dir = path.join(__dirname, '..', 'fixtures', 'pages');
const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');

describe('explainPage', () => {
  for (const file of ['rmrb_20210105_02.txt', 'rmrb_19980108_09.txt', 'dzrb_20220611_03.txt']) {
    it(`${file}: one boundary row per article after the first, as parsePage splits it`, () => {
      const text = read(file);
      const ex = explainPage(text);
      const starts = ex.lines.filter((l) => l.decision?.start);
      const articles = parsePage(text, { file }).articles;
      expect(starts.length + 1).toBe(articles.length);
      // Each boundary falls on the first line of the next article, and names its rule.
      starts.forEach((l, n) => {
        expect(l.article).toBe(n + 2);
        expect(l.decision!.rule).toMatch(/^[a-z-]+$/);
        const lineStart = text.split('\n').slice(0, l.line - 1).join('\n').length + (l.line > 1 ? 1 : 0);
        expect(articles[n + 1].charStart).toBeGreaterThanOrEqual(lineStart);
      });
    });
  }

  it('reads the e-paper layout from the page and says which rule split it', () => {
    const ex = explainPage(read('rmrb_20210105_02.txt'));
    expect(ex.layout.indented).toBe(true);
    const subhead = ex.lines.find((l) => l.text === '落实责任到人')!;
    expect(subhead.classes).toContain('indented');
    expect(subhead.decision).toEqual({ start: false, rule: 'indented-line' });
    const salutation = ex.lines.find((l) => l.text === '亲爱的同学们：')!;
    expect(salutation.decision?.start).toBe(false);
    expect(formatExplained(ex)).toMatch(/新文章:flush-run\s+老街区里的新生活——/);
    expect(explainPage(read('rmrb_19980108_09.txt')).layout.indented).toBe(false);
    expect(ex.layout.fullWidthDigits).toBe(false);
    expect(formatExplained(ex)).not.toMatch(/全角数字/);
    // A page of 1998 (full-width digits) set as e-paper text, its paragraphs indented: split as old pages are, and said so.
    const old = [
      '山村小学有了图书室',
      '\u3000\u3000本报石家庄１月１９日讯　元旦前夕，县里给山村小学送来两千册图书，孩子们第一次有了自己的图书室。',
      '\u3000\u3000新华社开罗１月１８日电　埃及旅游部门１８日宣布，卢克索神庙周边将新建一座游客服务中心。',
    ].join('\n');
    const oldEx = explainPage(old);
    expect(oldEx.layout).toMatchObject({ indented: true, fullWidthDigits: true });
    expect(formatExplained(oldEx).split('\n')[0]).toMatch(/全角数字（旧版文本，按旧版拆分）/);
    expect(oldEx.lines[2].decision).toEqual({ start: true, rule: 'dated-item-after-dated' });
  });

  it("reads bylines as closing a page's articles from writers' lines under the text, not from photographers' credits under pictures", () => {
    const story = (title: string, credit: string) => [title, '春节期间，县里的文化广场每天都有演出，附近的村民扶老携幼赶来观看，广场上人头攒动。', '演出由各村文艺队轮流登台，节目都是村民自编自演的，唱的是身边事，演的是身边人，台下不时响起阵阵掌声。', credit];
    const pictures = [...story('文化广场过大年', '蒋雪林摄（人民视觉）'), ...story('村村都有文艺队', '本报记者 吕强摄')].join('\n');
    expect(explainPage(pictures).layout.closingBylines).toBe(false);
    const signed = [...story('文化广场过大年', '本报记者 王小明'), ...story('村村都有文艺队', '本报记者 李红')].join('\n');
    expect(explainPage(signed).layout.closingBylines).toBe(true);
  });
});
