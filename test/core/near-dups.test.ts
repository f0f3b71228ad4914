/**
 * Near-duplicates on a real archive: an agency story on one page and a trimmed,
 * retitled copy of it on another page of the next day are grouped at import;
 * another story on the same subject is not. Search shows one line per group
 * (`去重`, on by default) and both when asked; exports keep both unless asked;
 * re-importing a page without the copy, or with it again, keeps groups right,
 * and groups survive reopening the archive. Pages of our own (the text is ours).
 */
import { describe, expect, it } from 'vitest';
import { fromUpload } from '../../src/core/import-files';
import type { Archive } from '../../src/core/service';
import { idOf, openArchive, tempDir } from './helpers';

const STORY = [
  '新华社酒泉5月9日电 5月9日10时许，我国在酒泉卫星发射中心用长征四号丙运载火箭，成功将风云三号G星发射升空，卫星顺利进入预定轨道，发射任务获得圆满成功。',
  '风云三号G星是我国首颗低倾角轨道降水测量卫星，主要用于灾害性天气系统强降水监测，将为天气预报、防灾减灾和气候变化研究提供重要的观测数据。',
  '据介绍，卫星搭载了我国首套星载双频降水测量雷达，可以获取降水的三维结构信息，还配置了微波成像仪、中分辨率光谱成像仪等多台遥感仪器。',
  '卫星投入使用后，将与在轨运行的风云系列卫星组网观测，进一步提高我国对台风、暴雨等灾害性天气的监测预警能力，更好服务经济社会发展。',
  '这次任务是长征系列运载火箭的第四百一十七次飞行。火箭和卫星分别由中国航天科技集团有限公司所属上海航天技术研究院研制。',
  '发射场区各系统工作人员表示，下一步将认真总结经验，精心组织后续发射任务，确保高密度发射任务圆满完成。',
];

const OTHER = [
  '本报北京5月10日讯 记者从中国气象局获悉，进入汛期以来，各地气象部门密切监视强降水天气过程，滚动发布暴雨预警信息，全力做好防汛气象服务。',
  '中国气象局有关负责人介绍，今年将进一步发挥风云气象卫星在监测中的作用，加密雷达观测频次，提高短时临近预报的准确率，为地方防汛决策提供支撑。',
  '各地气象台站也在加强值班值守，及时向公众推送预警信息，提醒群众注意防范山洪、地质灾害和城市内涝。',
];

function page(articles: { title: string; paragraphs: string[] }[]): string {
  return articles.map((a) => [a.title, '', ...a.paragraphs.flatMap((p) => [p, ''])].join('\n')).join('\n\n') + '\n';
}

async function importPage(a: Archive, name: string, text: string): Promise<void> {
  const [r] = await a.importSources([fromUpload({ name, dataBase64: Buffer.from(text, 'utf8').toString('base64') })], { paper: '测试日报' });
  expect(r.status, r.error).not.toBe('rejected');
}

const DAY1 = page([{ title: '我国成功发射风云三号G星', paragraphs: STORY }]);
// The next day's copy: retitled, its first sentence edited, the last two paragraphs cut.
const COPY = ['新华社酒泉5月9日电 9日10时许，我国在酒泉卫星发射中心用长征四号丙运载火箭，成功将风云三号G星发射升空，卫星顺利进入预定轨道，发射任务获得圆满成功。', ...STORY.slice(1, 4)];
const DAY2 = page([
  { title: '首颗降水测量卫星升空', paragraphs: COPY },
  { title: '气象部门全力做好汛期服务', paragraphs: OTHER },
]);
const DAY2_WITHOUT_COPY = page([{ title: '气象部门全力做好汛期服务', paragraphs: OTHER }]);

describe('near-duplicates', () => {
  it('groups a trimmed, retitled copy with its story, not another story on the same subject', async () => {
    const dir = tempDir();
    let a = await openArchive(dir);
    await importPage(a, '测试日报_2022-05-10_第3版.txt', DAY1);
    await importPage(a, '测试日报_2022-05-11_第4版.txt', DAY2);
    const story = await idOf(a, '我国成功发射风云三号G星');
    const copy = await idOf(a, '首颗降水测量卫星升空');
    const other = await idOf(a, '气象部门全力做好汛期服务');

    const group = await a.getNearDuplicates({ id: copy });
    expect(group.map((g) => g.article.id)).toEqual([story, copy]); // earliest first
    expect(group.find((g) => g.article.id === story)!.similarity).toBeGreaterThanOrEqual(0.9);
    expect((await a.getNearDuplicates({ id: other })).map((g) => g.article.id)).toEqual([other]);

    // 去重 on by default: one line for the story and its copy, saying there is one more.
    const deduped = await a.search({ query: '风云 卫星' });
    const grouped = deduped.hits.filter((h) => h.id === story || h.id === copy);
    expect(grouped).toHaveLength(1);
    expect(grouped[0].nearDuplicates).toBe(1);
    expect(deduped.hits.find((h) => h.id === other)?.nearDuplicates).toBeUndefined();
    expect(deduped.total).toBe(2);
    // Off: both copies, each saying there is one more.
    const all = await a.search({ query: '风云 卫星', dedupe: false });
    expect(all.total).toBe(3);
    expect(all.hits.filter((h) => h.nearDuplicates === 1).map((h) => h.id).sort()).toEqual([story, copy].sort());

    // Exports keep every copy unless asked.
    expect(a.exportArticles({ query: '风云 卫星' }).map((x) => x.id).sort()).toEqual([story, copy, other].sort());
    expect(a.exportArticles({ query: '风云 卫星', dedupe: true })).toHaveLength(2);

    // Groups live in the archive: the same after reopening.
    await a.close();
    a = await openArchive(dir);
    expect((await a.getNearDuplicates({ id: story })).map((g) => g.article.id)).toEqual([story, copy]);
    await a.close();
  });

  it('keeps groups right when a page is re-imported without the copy, and with it again', async () => {
    const a = await openArchive();
    await importPage(a, '测试日报_2022-05-10_第3版.txt', DAY1);
    await importPage(a, '测试日报_2022-05-11_第4版.txt', DAY2);
    const story = await idOf(a, '我国成功发射风云三号G星');
    expect(await a.getNearDuplicates({ id: story })).toHaveLength(2);

    await importPage(a, '测试日报_2022-05-11_第4版.txt', DAY2_WITHOUT_COPY);
    expect((await a.getNearDuplicates({ id: story })).map((g) => g.article.id)).toEqual([story]);
    expect((await a.search({ query: '风云三号G星' })).hits.map((h) => [h.id, h.nearDuplicates])).toEqual([[story, undefined]]);
    expect(a.db.prepare('SELECT COUNT(*) AS n FROM near_dup WHERE article_id NOT IN (SELECT id FROM articles)').get([])).toMatchObject({ n: 0 });

    await importPage(a, '测试日报_2022-05-11_第4版.txt', DAY2);
    const copy = await idOf(a, '首颗降水测量卫星升空');
    expect((await a.getNearDuplicates({ id: story })).map((g) => g.article.id)).toEqual([story, copy]);
    expect((await a.search({ query: '风云三号G星' })).hits).toHaveLength(1);
    await a.close();
  });

  it('groups the same way whichever page comes first', async () => {
    const a = await openArchive();
    await importPage(a, '测试日报_2022-05-11_第4版.txt', DAY2);
    await importPage(a, '测试日报_2022-05-10_第3版.txt', DAY1);
    const story = await idOf(a, '我国成功发射风云三号G星');
    const copy = await idOf(a, '首颗降水测量卫星升空');
    // Earliest (by date) first, whatever the import order.
    expect((await a.getNearDuplicates({ id: story })).map((g) => g.article.id)).toEqual([story, copy]);
    await a.close();
  });
});
