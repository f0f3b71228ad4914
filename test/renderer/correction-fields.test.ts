/**
 * The 校对 panel's fields for the article's facts (issue 17): filled from a real article (the
 * 大众日报 sample page in a real archive), only changed fields become the correction, bad input is
 * refused in Chinese, and what is sent is accepted by the archive and shows as sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDetail } from '../../src/shared/api';
import type { Archive } from '../../src/core/service';
import { correctionValueText, metaCorrection, metaFormOf, nameProblem, namesIn } from '../../src/renderer/src/lib/correction-fields';
import { idOf, sampleArchive } from '../core/helpers';

let a: Archive;
let art: ArticleDetail;

beforeAll(async () => {
  a = await sampleArchive();
  art = (await a.getArticle({ id: await idOf(a, '行刑衔接') }))!;
});
afterAll(async () => a.close());

describe('correction fields', () => {
  it('fills the form from the article: date, page, dateline, people by role, caption', () => {
    expect(metaFormOf(art)).toEqual({
      date: '2022-01-28',
      page: '3',
      place: '淄博',
      datelineDate: '1月27日',
      reporters: '刘文思',
      correspondents: '刘刚 周杰',
      photographers: '',
      interns: '',
      caption: art.paragraphs.find((p) => p.type === 'caption')!.text,
    });
  });

  it('an untouched form sends nothing; each changed field is sent alone', () => {
    const f = metaFormOf(art);
    expect(metaCorrection(art, f)).toEqual({ correction: {}, problems: {} });
    expect(metaCorrection(art, { ...f, date: '2022年2月3日' }).correction).toEqual({ date: '2022-02-03' });
    expect(metaCorrection(art, { ...f, page: '5' }).correction).toEqual({ page: 5 });
    expect(metaCorrection(art, { ...f, place: '济南', datelineDate: '2月2日' }).correction).toEqual({ dateline: { place: '济南', month: 2, day: 2, raw: '济南2月2日讯' } });
    expect(metaCorrection(art, { ...f, place: '', datelineDate: '' }).correction).toEqual({ dateline: null });
    // People go as all four roles (the contract's shape), names split on spaces and 、.
    expect(metaCorrection(art, { ...f, correspondents: '刘刚、周杰 阿依努尔·买买提' }).correction).toEqual({
      people: { reporters: ['刘文思'], correspondents: ['刘刚', '周杰', '阿依努尔·买买提'], photographers: [], interns: [] },
    });
    // Spacing changed but the same names: nothing to send.
    expect(metaCorrection(art, { ...f, correspondents: '刘刚、周杰' }).correction).toEqual({});
    expect(metaCorrection(art, { ...f, caption: '签约仪式现场（资料图）' }).correction).toEqual({ caption: '签约仪式现场（资料图）' });
  });

  it('says in Chinese what is wrong, and sends nothing for that field', () => {
    const f = metaFormOf(art);
    const bad = metaCorrection(art, { ...f, date: '2022-02-30', page: '0', datelineDate: '13月2日', reporters: '刘文斯 Liu', interns: '王小明王' });
    expect(bad.correction).toEqual({});
    expect(bad.problems.date).toBe('没有 2022-02-30 这一天，请检查月份和日期。');
    expect(bad.problems.page).toContain('应为 1 到 999 的整数');
    expect(bad.problems.datelineDate).toContain('没有 13月2日 这一天');
    expect(bad.problems.reporters).toContain('“Liu”不像人名');
    expect(metaCorrection(art, { ...f, date: '' }).problems.date).toContain('请填写日期');
    expect(metaCorrection(art, { ...f, place: '', datelineDate: '2月2日' }).problems.place).toContain('电头要有地点');
    expect(metaCorrection(art, { ...f, caption: ' ' }).problems.caption).toBe('图片说明不能为空。');
    expect(metaCorrection(art, { ...f, reporters: '刘文思 刘文思' }).problems.reporters).toBe('“刘文思”写了两次。');
    expect(nameProblem('王小明王张')).toContain('有 5 个字');
    expect(nameProblem('欧阳修文')).toBeNull();
    expect(namesIn('阿依努尔•买买提，王丽')).toEqual(['阿依努尔·买买提', '王丽']);
  });

  it('the archive takes what the form sends, and the history reads it back plainly', async () => {
    const f = metaFormOf(art);
    const { correction } = metaCorrection(art, { ...f, date: '2022-02-03', page: '5', place: '济南', datelineDate: '2月2日', reporters: '刘文斯' });
    const r = await a.correctArticle({ id: art.id, ...correction });
    expect(r.article).toMatchObject({ date: '2022-02-03', page: 5, dateline: { raw: '济南2月2日讯' } });
    expect(r.article!.byline!.raw).toBe('大众日报淄博融媒体中心记者 刘文斯 通讯员 刘刚 周杰');
    // The form filled from the corrected article sends nothing more.
    expect(metaCorrection(r.article!, metaFormOf(r.article!)).correction).toEqual({});
    const h = await a.getHistory({ id: art.id });
    const text = (field: string, side: 'before' | 'after') => correctionValueText(field, h.find((x) => x.field === field)![side]);
    expect(text('people', 'before')).toBe('记者 刘文思；通讯员 刘刚 周杰');
    expect(text('people', 'after')).toBe('记者 刘文斯；通讯员 刘刚 周杰');
    expect(text('dateline', 'after')).toBe('济南2月2日讯');
    expect(text('page', 'before')).toBe('第 3 版');
    expect(text('date', 'after')).toBe('2022-02-03');
  });
});
