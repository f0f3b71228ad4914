/**
 * Test articles: the sample page read by the real parser (`parsePage`) and
 * dressed as `ArticleDetail`s the way the store would (ids, tags from the
 * byline, a topic), plus a hand-made article with awkward text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePage } from '../../src/core/ingest';
import type { ArticleDetail, ArticleTag, ParsedArticle } from '../../src/shared/api';

export const SAMPLE_TXT = path.resolve('resources/sample/大众日报_2022-01-28_第3版.txt');

export function bodyChars(a: Pick<ParsedArticle, 'paragraphs'>): number {
  return a.paragraphs.filter((p) => p.type !== 'caption').reduce((n, p) => n + Array.from(p.text).length, 0);
}

export function tagsFromByline(a: ParsedArticle): ArticleTag[] {
  const b = a.byline;
  if (!b) return [];
  return [
    ...b.reporters.map((name): ArticleTag => ({ kind: 'reporter', name, role: '记者', source: 'auto' })),
    ...b.correspondents.map((name): ArticleTag => ({ kind: 'reporter', name, role: '通讯员', source: 'auto' })),
    ...(b.department ? [{ kind: 'department', name: b.department, source: 'auto' } as ArticleTag] : []),
  ];
}

/** The sample page's articles (sidebar and three stories), in page order. */
export function sampleArticles(): ArticleDetail[] {
  const file = path.basename(SAMPLE_TXT);
  const page = parsePage(readFileSync(SAMPLE_TXT, 'utf8'), { file });
  return page.articles.map((a, i) => ({
    ...a,
    id: 101 + i,
    paper: page.paper,
    date: page.date,
    page: page.page,
    importId: 1,
    sourceFile: file,
    tags: [...tagsFromByline(a), { kind: 'topic', name: '淄博', source: 'manual' }],
    chars: bodyChars(a),
  }));
}

/** An article whose text would break naive HTML/Markdown/CSV writers. */
export function awkwardArticle(id = 900): ArticleDetail {
  const paragraphs: ArticleDetail['paragraphs'] = [
    { type: 'text', text: '比较 a<b && c>d 时，“引号”与\'单引号\'以及 "双引号" 都要原样保留；<script>alert(1)</script> 不能执行。' },
    { type: 'heading', text: '一、小标题 #1 * 星号 _下划线_' },
    { type: 'caption', text: '图为 <现场> & 观众' },
    { type: 'text', text: '=SUM(A1:A2) 开头的段落，逗号,分号;冒号:都在，换行\n之后继续。' },
  ];
  return {
    id,
    kind: 'story',
    kicker: '引题 <肩题>',
    title: '标题含 <b>粗体</b> & “引号” 《书名》',
    subtitle: '副题 "quoted"',
    dateline: { place: '济南', month: 2, day: 3, agency: '本报', raw: '本报济南2月3日讯' },
    paragraphs,
    byline: {
      raw: '本报记者 张三 摄影 李四',
      organization: '本报',
      reporters: ['张三'],
      correspondents: [],
      photographers: ['李四'],
      interns: [],
    },
    warnings: [],
    paper: '大众日报',
    date: '2023-02-04',
    page: 12,
    importId: 2,
    sourceFile: 'x.txt',
    tags: [
      { kind: 'reporter', name: '张三', role: '记者', source: 'auto' },
      { kind: 'reporter', name: '王五', source: 'manual' },
      { kind: 'department', name: '经济部', source: 'manual' },
      { kind: 'topic', name: '营商环境', source: 'manual' },
      { kind: 'topic', name: '-负号开头', source: 'manual' },
    ],
    chars: bodyChars({ paragraphs }),
  };
}
