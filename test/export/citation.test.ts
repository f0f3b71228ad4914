/**
 * Citations (issue 17): GB/T 7714-2015 entries against hand-checked strings,
 * and RIS / CSL-JSON read back by citation-js, a maintained parser, giving
 * the same fields. The articles are the sample page read by the real parser,
 * plus hand-made ones for the cases the page lacks (5 authors, photo item,
 * no page, estimated or unknown date, compound surnames).
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { parse as parseDate } from '@citation-js/date';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  citations,
  citationTitle,
  citeArticles,
  cslItem,
  gbt7714,
  INFERRED_NOTE,
  MAX_CITATIONS,
  referenceList,
  splitName,
} from '../../src/core/export/citation';
import { excerpt } from '../../src/core/export/attribution';
import type { ArticleDetail, Byline } from '../../src/shared/api';
import { awkwardArticle, sampleArticles } from './sample';

let sample: ArticleDetail[];
const byTitle = (s: string) => sample.find((a) => a.title.includes(s))!;

beforeAll(() => {
  sample = sampleArticles();
});

function byline(b: Partial<Byline> & { raw: string }): Byline {
  return { reporters: [], correspondents: [], photographers: [], interns: [], ...b };
}

/** A hand-made article; tags empty so the byline alone says who wrote it. */
function made(over: Partial<ArticleDetail>): ArticleDetail {
  return {
    id: 500,
    kind: 'story',
    title: '黄河流域生态保护取得新进展',
    paragraphs: [{ type: 'text', text: '本报讯 沿黄九省区持续推进生态保护和高质量发展。' }],
    warnings: [],
    paper: '人民日报',
    date: '2021-03-02',
    page: 4,
    importId: 1,
    sourceFile: 'x.txt',
    tags: [],
    chars: 24,
    ...over,
  };
}

const FIVE = made({
  byline: byline({
    raw: '本报记者 张三 李四 通讯员 王五 赵六 孙七',
    reporters: ['张三', '李四'],
    correspondents: ['王五', '赵六', '孙七'],
  }),
});
const ONE = made({ byline: byline({ raw: '本报记者 欧阳晓明', reporters: ['欧阳晓明'] }) });
const PHOTO = made({
  id: 501,
  kind: 'photo',
  title: '春耕正当时',
  page: 1,
  paragraphs: [{ type: 'caption', text: '3月1日，农民在田间忙碌。' }],
  byline: byline({ raw: '本报记者 王静 摄影 阿依努尔·买买提', reporters: ['王静'], photographers: ['阿依努尔·买买提'] }),
});

describe('GB/T 7714-2015 newspaper entries (hand-checked)', () => {
  it('0 authors: starts with the title', () => {
    expect(gbt7714(byTitle('数字看淄博'))).toBe('数字看淄博高新区2021年这一年[N]. 大众日报, 2022-01-28(3).');
  });

  it('1 author', () => {
    expect(gbt7714(ONE)).toBe('欧阳晓明. 黄河流域生态保护取得新进展[N]. 人民日报, 2021-03-02(4).');
  });

  it('3 authors in full; the kicker (引题) is left out', () => {
    const a = byTitle('行刑衔接');
    expect(a.kicker).toBe('破解体制、机制制约因素 提升执法效能');
    expect(gbt7714(a)).toBe('刘文思, 刘刚, 周杰. 行刑衔接 联合打击市场监管领域违法行为[N]. 大众日报, 2022-01-28(3).');
  });

  it('more than 3 authors: the first three, then 等 (the sample story has 4, the hand-made one 5)', () => {
    expect(gbt7714(byTitle('工作会议'))).toBe(
      '陆晓茜, 徐浩, 郭方强, 等. 淄博高新区召开2022年工作会议 聚力品质提升贡献“高新力量”[N]. 大众日报, 2022-01-28(3).',
    );
    expect(gbt7714(FIVE)).toBe('张三, 李四, 王五, 等. 黄河流域生态保护取得新进展[N]. 人民日报, 2021-03-02(4).');
  });

  it('a subtitle is other title information after ": "', () => {
    expect(gbt7714(byTitle('希望小屋'))).toBe(
      '王丽, 张海萌, 李沫洁. 心愿得偿 “希望小屋”受助儿童收到爱心包裹: 淄博市“关爱下一代 点亮微心愿”爱心包裹持续发放中[N]. 大众日报, 2022-01-28(3).',
    );
    // A subtitle printed with a leading dash loses it.
    expect(citationTitle(made({ subtitle: '——记黄河守护者' }))).toBe('黄河流域生态保护取得新进展: 记黄河守护者');
  });

  it('a photo item: the photographer first; in a story the photographer is not an author', () => {
    expect(gbt7714(PHOTO)).toBe('阿依努尔·买买提, 王静. 春耕正当时[N]. 人民日报, 2021-03-02(1).');
    expect(gbt7714({ ...PHOTO, kind: 'story' })).toBe('王静. 春耕正当时[N]. 人民日报, 2021-03-02(1).');
  });

  it('no page: no (版次); estimated date in brackets; unknown date and paper say so', () => {
    expect(gbt7714({ ...ONE, page: undefined })).toBe('欧阳晓明. 黄河流域生态保护取得新进展[N]. 人民日报, 2021-03-02.');
    expect(gbt7714({ ...ONE, date: '1997-12-30', dateInferred: true })).toBe(
      '欧阳晓明. 黄河流域生态保护取得新进展[N]. 人民日报, [1997-12-30](4).',
    );
    expect(gbt7714({ ...ONE, date: undefined, paper: undefined, page: undefined })).toBe(
      '欧阳晓明. 黄河流域生态保护取得新进展[N]. [报纸名不详], [出版日期不详].',
    );
  });

  it('tagged reporters count; a name the byline gives under another role keeps it', () => {
    // awkward: byline 记者 张三 摄影 李四, tag 王五 without role (= 记者); a story, so 李四 is not an author.
    expect(gbt7714(awkwardArticle())).toBe('张三, 王五. 标题含 <b>粗体</b> & “引号” 《书名》: 副题 "quoted"[N]. 大众日报, 2023-02-04(12).');
  });

  it('a reference list numbers the entries in order', () => {
    expect(referenceList([ONE, byTitle('数字看淄博')])).toEqual([
      '[1] 欧阳晓明. 黄河流域生态保护取得新进展[N]. 人民日报, 2021-03-02(4).',
      '[2] 数字看淄博高新区2021年这一年[N]. 大众日报, 2022-01-28(3).',
    ]);
  });
});

describe('Chinese names: family and given', () => {
  it('splits the first character, or a compound surname, and keeps other names whole', () => {
    expect(splitName('陆晓茜')).toEqual({ family: '陆', given: '晓茜' });
    expect(splitName('王丽')).toEqual({ family: '王', given: '丽' });
    expect(splitName('欧阳晓明')).toEqual({ family: '欧阳', given: '晓明' });
    expect(splitName('司马光')).toEqual({ family: '司马', given: '光' });
    expect(splitName('诸葛亮')).toEqual({ family: '诸葛', given: '亮' });
    // Two characters: 欧 is the surname, 阳 the name.
    expect(splitName('欧阳')).toEqual({ family: '欧', given: '阳' });
    expect(splitName('阿依努尔·买买提')).toEqual({ literal: '阿依努尔·买买提' });
    expect(splitName('John Smith')).toEqual({ literal: 'John Smith' });
    expect(splitName('王')).toEqual({ literal: '王' });
  });
});

/** What an article's CSL item should hold, the fields both RIS and CSL-JSON must give back. */
function expected(a: ArticleDetail) {
  return cslItem(a);
}

describe('RIS, read back by citation-js', () => {
  it('gives back type, title, paper, year, page, authors, abstract; DA is the issue date', async () => {
    const arts = [...sample, FIVE, PHOTO, { ...ONE, id: 502, page: undefined, date: '1997-12-30', dateInferred: true }];
    const { text, entries } = citations(arts, 'ris');
    expect(entries.length).toBe(arts.length);
    expect(text.startsWith('TY  - NEWS\r\n')).toBe(true);
    for (const e of entries) expect(e.endsWith('ER  - \r\n')).toBe(true);

    const records = plugins.input.chainLink(text) as Record<string, string | string[]>[];
    const items = (await Cite.async(text)).data as Record<string, unknown>[];
    expect(items.length).toBe(arts.length);
    arts.forEach((a, i) => {
      const want = expected(a);
      const got = items[i];
      expect(got.type).toBe('article-newspaper');
      expect(got.title).toBe(want.title);
      expect(got['container-title']).toBe(want['container-title']);
      expect(got.page).toBe(want.page);
      expect(got.abstract).toBe(want.abstract);
      expect(got.abstract).toBe(excerpt(a, 200).replace(/\s+/g, ' ').trim() || undefined);
      // citation-js reads RIS NEWS authors as `reporter` (a string when there is one), names as written: `family, given` or the literal.
      const names = (want.author ?? []).map((n) => ('literal' in n ? n.literal : `${n.family}, ${n.given}`));
      expect(([] as unknown[]).concat(got.reporter ?? [])).toEqual(names);
      // The year from PY; the full issue date from DA (citation-js does not map DA for NEWS, its record keeps it).
      const [y, m, d] = want.issued!['date-parts'][0];
      expect(got.issued).toEqual({ 'date-parts': [[y]] });
      expect(parseDate((records[i].DA as string).split('/').filter(Boolean).join('/'))).toEqual({ 'date-parts': [[y, m, d]] });
      expect(got.note).toBe(a.dateInferred ? INFERRED_NOTE : undefined);
    });
    // The 4-author story keeps every author (reference managers shorten lists themselves).
    expect(items[1].reporter).toEqual(['陆, 晓茜', '徐, 浩', '郭, 方强', '李, 乐天']);
    expect(items[sample.length + 1].reporter).toEqual(['阿依努尔·买买提', '王, 静']);
  });
});

describe('CSL-JSON, read back by citation-js', () => {
  it('gives back the same fields, and citation-js renders a bibliography from it', () => {
    const arts = [...sample, FIVE, PHOTO, ONE];
    const { text, entries } = citations(arts, 'csl-json');
    expect(entries.length).toBe(arts.length);
    const cite = new Cite(JSON.parse(text));
    const items = cite.data as Record<string, unknown>[];
    expect(items.length).toBe(arts.length);
    arts.forEach((a, i) => {
      const want = expected(a);
      const got = items[i];
      expect(JSON.parse(entries[i])).toEqual(want);
      expect(got.type).toBe('article-newspaper');
      expect(got.title).toBe(citationTitle(a));
      expect(got['container-title']).toBe(a.paper);
      expect(got.page).toBe(String(a.page));
      expect(got.issued).toEqual({ 'date-parts': [a.date!.split('-').map(Number)] });
      expect(got.author ?? []).toEqual(want.author ?? []);
      expect(got.language).toBe('zh-CN');
    });
    expect(items[1].author).toEqual([
      { family: '陆', given: '晓茜' },
      { family: '徐', given: '浩' },
      { family: '郭', given: '方强' },
      { family: '李', given: '乐天' },
    ]);
    expect(items[items.length - 1].author).toEqual([{ family: '欧阳', given: '晓明' }]);
    expect(items[sample.length + 1].author).toEqual([{ literal: '阿依努尔·买买提' }, { family: '王', given: '静' }]);
    const bib = cite.format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }) as string;
    expect(bib).toContain('行刑衔接 联合打击市场监管领域违法行为');
    expect(bib).toContain('大众日报');
  });

  it('an estimated date is marked circa, with a note', () => {
    const item = cslItem({ ...ONE, date: '1997-12-30', dateInferred: true });
    expect(item.issued).toEqual({ 'date-parts': [[1997, 12, 30]], circa: true });
    expect(item.note).toBe(INFERRED_NOTE);
    const got = new Cite([item]).data[0] as Record<string, unknown>;
    expect(got.issued).toEqual({ 'date-parts': [[1997, 12, 30]], circa: true });
  });
});

describe('citeArticles (the contract method)', () => {
  it('cites the articles found, in the order asked, with a file text, mime and extension', () => {
    const all = new Map(sample.map((a) => [a.id, a]));
    const load = (ids: number[]) => ids.map((id) => all.get(id)).filter((a): a is ArticleDetail => !!a);
    const r = citeArticles({ ids: [104, 999, 102], format: 'gbt7714' }, load);
    expect(r.entries).toEqual([gbt7714(all.get(104)!), gbt7714(all.get(102)!)]);
    expect(r.text).toBe(`[1] ${r.entries[0]}\n[2] ${r.entries[1]}\n`);
    expect(r).toMatchObject({ format: 'gbt7714', ext: 'txt' });
    expect(citeArticles({ ids: [101], format: 'ris' }, load)).toMatchObject({ ext: 'ris', mime: 'application/x-research-info-systems' });
    expect(citeArticles({ ids: [101], format: 'csl-json' }, load).ext).toBe('json');
    expect(() => citeArticles({ ids: [999], format: 'ris' }, load)).toThrow('没有可引用的文章');
    const many = Array.from({ length: MAX_CITATIONS + 1 }, (_, i) => i + 1);
    expect(() => citeArticles({ ids: many, format: 'ris' }, load)).toThrow(`一次最多引用 ${MAX_CITATIONS} 篇`);
  });
});
