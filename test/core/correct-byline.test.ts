/**
 * The byline follows corrected people (issue 17): on the bylines the parser reads from real pages,
 * and on a real archive (SQLite, jieba, index) holding the 大众日报 sample page, where the reader,
 * search hits, exports and citations then show the corrected names, reporter tags follow, and
 * undo gives the printed byline back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/core/ingest/parse';
import { parseByline } from '../../src/core/ingest/byline';
import { PEOPLE, bylineWithPeople, type People } from '../../src/core/store/correct-byline';
import type { Byline } from '../../src/shared/types';
import { REPO, idOf, sampleArchive } from './helpers';

const PAGES = path.join(REPO, 'test', 'fixtures', 'pages');

/** Every byline the parser reads from the fixture pages (real pages of several papers and decades). */
function realBylines(): Byline[] {
  const out: Byline[] = [];
  for (const f of fs.readdirSync(PAGES).filter((f) => f.endsWith('.txt'))) {
    for (const a of parsePage(fs.readFileSync(path.join(PAGES, f), 'utf8'), { file: f }).articles) if (a.byline) out.push(a.byline);
  }
  return out;
}

const peopleOf = (b: People): People => ({ reporters: b.reporters, correspondents: b.correspondents, photographers: b.photographers, interns: b.interns });
const sorted = (p: People) => Object.fromEntries(PEOPLE.map((k) => [k, [...p[k]].sort()]));

describe('bylineWithPeople on real bylines', () => {
  const bylines = realBylines();

  it('reads enough real bylines to mean something', () => {
    expect(bylines.length).toBeGreaterThan(40);
  });

  it('a mended name is replaced where it stands: the rest of the text is as printed, and reads as before with the new name', () => {
    let checked = 0;
    for (const b of bylines) {
      const role = PEOPLE.find((k) => b[k].length > 0);
      if (!role) continue;
      const from = b[role][0];
      // Only names standing once in the text, under one role (so the expected text is plain to write).
      if (b.raw.split(from).length !== 2 || PEOPLE.filter((k) => b[k].includes(from)).length !== 1) continue;
      if (PEOPLE.some((k) => b[k].some((n) => n !== from && n.includes(from)))) continue;
      const people = { ...peopleOf(b), [role]: ['周明亮', ...b[role].slice(1)] };
      const out = bylineWithPeople(b, people);
      expect(out.raw).toBe(b.raw.replace(from, '周明亮'));
      expect(peopleOf(out)).toEqual(people);
      expect(out.department).toBe(b.department);
      // Read again, the new text names the new person where the old one named the old.
      const before = parseByline(b.raw);
      const after = parseByline(out.raw);
      for (const k of PEOPLE) expect(after[k], `${b.raw} → ${out.raw}`).toEqual(before[k].map((n) => (n === from ? '周明亮' : n)));
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('a person added or taken out: the text is written anew and reads as exactly the corrected people', () => {
    let checked = 0;
    for (const b of bylines) {
      const all = PEOPLE.flatMap((k) => b[k]);
      if (all.length === 0) continue;
      const added = bylineWithPeople(b, { ...peopleOf(b), correspondents: [...b.correspondents, '韩雪梅'] });
      expect(sorted(parseByline(added.raw)), `${b.raw} → ${added.raw}`).toEqual(sorted({ ...peopleOf(b), correspondents: [...b.correspondents, '韩雪梅'] }));
      expect(added.raw).not.toBe(b.raw);
      const role = PEOPLE.find((k) => b[k].length > 0)!;
      const fewer = { ...peopleOf(b), [role]: b[role].slice(1) };
      const removed = bylineWithPeople(b, fewer);
      expect(sorted(parseByline(removed.raw)), `${b.raw} → ${removed.raw}`).toEqual(sorted(fewer));
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('keeps the paper and desk, the reporter word and the parentheses the byline printed', () => {
    const dz = parseByline('大众日报淄博融媒体中心记者 陆晓茜 通讯员 徐浩 郭方强');
    expect(bylineWithPeople(dz, { ...peopleOf(dz), correspondents: ['徐浩'], interns: ['杨帆'] }).raw).toBe('大众日报淄博融媒体中心记者 陆晓茜 通讯员 徐浩 实习生 杨帆');
    const rm = parseByline('本报记者王东摄影报道');
    // 王东 is reporter and photographer in one word: mending one role only writes the text anew.
    expect(bylineWithPeople(rm, { ...peopleOf(rm), photographers: ['王冬'] }).raw).toBe('本报记者 王东 摄影 王冬');
    expect(bylineWithPeople(rm, { ...peopleOf(rm), reporters: ['王冬'], photographers: ['王冬'] }).raw).toBe('本报记者王冬摄影报道');
    const credit = parseByline('（记者 王敏 通讯员 刘晓）');
    expect(bylineWithPeople(credit, { ...peopleOf(credit), correspondents: [] }).raw).toBe('（记者 王敏）');
    // Nobody left: no text (the reader shows no byline); the desk stays for its tag.
    expect(bylineWithPeople(dz, { reporters: [], correspondents: [], photographers: [], interns: [] })).toMatchObject({ raw: '', department: '淄博融媒体中心' });
    // An article without a byline gets one.
    expect(bylineWithPeople(undefined, { reporters: ['王丽'], correspondents: [], photographers: [], interns: [] }).raw).toBe('记者 王丽');
  });
});

describe('corrected people in a real archive', () => {
  it('the reader, search hits, exports and citations show the corrected byline; tags follow; undo gives the printed one back', async () => {
    const a = await sampleArchive();
    const id = await idOf(a, '行刑衔接');
    const printed = '大众日报淄博融媒体中心记者 刘文思 通讯员 刘刚 周杰';
    expect((await a.getArticle({ id }))!.byline!.raw).toBe(printed);

    // A misread name mended.
    const r = await a.correctArticle({ id, people: { reporters: ['刘文斯'], correspondents: ['刘刚', '周杰'], photographers: [], interns: [] } });
    const fixed = '大众日报淄博融媒体中心记者 刘文斯 通讯员 刘刚 周杰';
    expect(r.article!.byline!.raw).toBe(fixed);
    expect(r.article!.tags.filter((t) => t.kind === 'reporter').map((t) => `${t.role}:${t.name}`)).toEqual(['记者:刘文斯', '通讯员:刘刚', '通讯员:周杰']);
    // The department tag stays.
    expect(r.article!.tags.filter((t) => t.kind === 'department').map((t) => t.name)).toEqual(['淄博融媒体中心']);
    const hits = (await a.search({ query: '记者:刘文斯', limit: 10 })).hits;
    expect(hits.map((h) => h.id)).toEqual([id]);
    expect(hits[0].reporters).toContain('刘文斯');
    expect((await a.search({ query: '记者:刘文思', limit: 10 })).hits.map((h) => h.id)).not.toContain(id);
    const text = Buffer.from((await a.exportClippings({ ids: [id], format: 'txt' })).dataBase64, 'base64').toString('utf8');
    expect(text).toContain(`作者：${fixed}`);
    expect(text).not.toContain('刘文思');
    const md = Buffer.from((await a.exportClippings({ ids: [id], format: 'md' })).dataBase64, 'base64').toString('utf8');
    expect(md).toContain('刘文斯');
    expect(md).not.toContain('刘文思');
    expect((await a.getCitation({ ids: [id], format: 'gbt7714' })).entries[0]).toMatch(/^刘文斯, 刘刚, 周杰\. 行刑衔接/);

    // An intern added: the byline is written anew and the citation lists the intern among the writers.
    const r2 = await a.correctArticle({ id, people: { reporters: ['刘文斯'], correspondents: ['刘刚', '周杰'], photographers: [], interns: ['杨帆'] } });
    expect(r2.article!.byline!.raw).toBe('大众日报淄博融媒体中心记者 刘文斯 通讯员 刘刚 周杰 实习生 杨帆');
    expect((await a.getCitation({ ids: [id], format: 'gbt7714' })).entries[0]).toMatch(/^刘文斯, 刘刚, 周杰, 等\. /);
    expect((await a.search({ query: '记者:杨帆', limit: 10 })).hits.map((h) => h.id)).toEqual([id]);

    // Undo, newest first: the printed byline and its tags come back.
    const hist = (await a.getHistory({ id })).filter((h) => h.field === 'people');
    expect(hist).toHaveLength(2);
    await a.undoCorrection({ correctionId: hist[1].id });
    const u = await a.undoCorrection({ correctionId: hist[0].id });
    expect(u.article!.byline!.raw).toBe(printed);
    expect(u.article!.tags.filter((t) => t.kind === 'reporter').map((t) => t.name)).toEqual(['刘文思', '刘刚', '周杰']);
    expect((await a.getCitation({ ids: [id], format: 'gbt7714' })).entries[0]).toMatch(/^刘文思, 刘刚, 周杰\. /);
    expect((await a.search({ query: '记者:杨帆', limit: 10 })).hits).toHaveLength(0);
    await a.close();
  });
});
