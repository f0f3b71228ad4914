/**
 * validateArg: valid and hostile arguments for every method of the contract,
 * unknown methods, prototype-pollution keys, bounds and Chinese messages.
 */
import { describe, expect, it } from 'vitest';
import { API_METHODS, type ApiMethod } from '../../src/shared/api';
import {
  API_SCHEMAS,
  MAX_IDS,
  MAX_QUERY_CHARS,
  MAX_UPLOAD_BASE64_CHARS,
  isApiMethod,
  validateArg,
} from '../../src/shared/api-schema';

const HAN = /[\u4e00-\u9fff]/;
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** At least one accepted argument per method. */
const VALID: Record<ApiMethod, unknown[]> = {
  stats: [undefined, {}, null],
  reparse: [undefined, {}, { all: true }],
  search: [
    { query: '乡村振兴' },
    { query: '' , filters: { dateFrom: '2022-01-01', dateTo: '2022-12-31', paper: '大众日报', page: 3 } },
    { query: '"黄河" -洪水', sort: 'date-asc', limit: 1000, offset: 0, facets: false },
    { query: 'x', filters: { reporter: '陆晓茜', department: '淄博融媒体中心', topic: '教育' }, sort: 'relevance' },
  ],
  getArticle: [{ id: 1 }, { id: 2 ** 31 }],
  getRawText: [{ id: 42 }],
  moreLikeThis: [{ id: 7 }, { id: 7, limit: 20 }],
  getNearDuplicates: [{ id: 7 }],
  guessFileMeta: [{ name: '大众日报_2022-01-28_第3版.txt' }],
  startImport: [
    { paths: ['/home/u/报纸/2022-01-28.txt'], paper: '大众日报', date: '2022-01-28', page: 3 },
    { files: [{ name: 'a.txt', dataBase64: b64('大众日报 第3版') }] },
    { sample: true },
  ],
  importStatus: [{ jobId: 'job-1' }, { jobId: '3f2c9a10-8e1b-4a55-9d1c-1f0e2a3b4c5d' }],
  cancelImport: [{ jobId: 'job-1' }],
  listImports: [{}, { limit: 50 }, undefined],
  listTags: [{}, { kind: 'reporter' }, { kind: 'topic', prefix: '乡', limit: 20 }],
  changeTags: [
    { ids: [1, 2, 3], add: [{ kind: 'topic', name: '教育' }] },
    { query: '黄河', filters: { dateFrom: '2022-01-01' }, remove: [{ kind: 'reporter', name: '张三', role: '记者' }] },
  ],
  undoTagChange: [{}, { changeId: 5 }],
  tagHistory: [{}, { limit: 10 }],
  suggestTopics: [{ id: 9 }],
  tagUsage: [{ kind: 'department', name: '经济部' }],
  renameTag: [{ kind: 'topic', from: '三农', to: '乡村振兴' }],
  mergeTags: [{ kind: 'reporter', from: '陆晓茜 ', into: '陆晓茜' }],
  deleteTag: [{ kind: 'topic', name: '旧专题' }],
  listClippingSets: [{}, undefined],
  saveClippingSet: [
    { name: '黄河专题', articleIds: [] },
    { id: 3, name: '黄河专题', articleIds: [1, 2], updatedAt: '2024-05-01T10:00:00.000Z' },
  ],
  deleteClippingSet: [{ id: 3 }],
  exportClippings: [
    { ids: [1, 2], format: 'pdf', title: '剪报', highlight: '黄河', pageBreaks: false },
    { query: '黄河', format: 'csv' },
  ],
  getCitation: [
    { ids: [1], format: 'gbt7714' },
    { ids: [3, 1, 2], format: 'ris' },
    { ids: [7], format: 'csl-json' },
  ],
  listSavedSearches: [{}, undefined],
  saveSearch: [
    { name: '黄河', query: '黄河' },
    { name: '今年的营商环境', query: '营商 环境', filters: { dateFrom: '2022-01-01', dateTo: '2022-12-31', reporter: '陆晓茜' }, sort: 'date' },
    { name: '全部新文章', query: '' },
  ],
  renameSavedSearch: [{ id: 2, name: '黄河专题' }],
  deleteSavedSearch: [{ id: 2 }],
  reorderSavedSearches: [{ ids: [3, 1, 2] }, { ids: [] }],
  openSavedSearch: [{ id: 1 }],
  correctArticle: [
    { id: 1, title: '新标题' },
    { id: 1, kicker: null, subtitle: '副题', paragraphs: [{ index: 0, text: '第一段' }], date: '1998-01-12', page: 5 },
    { id: 1, people: { reporters: ['陆晓茜'], correspondents: [], photographers: [], interns: [] }, dateline: { place: '北京', month: 1, day: 2, raw: '北京1月2日电' } },
    { id: 1, people: { reporters: ['阿依努尔·买买提', '欧阳修文'], correspondents: [], photographers: [], interns: [] } },
  ],
  mergeArticles: [{ id: 1, with: 'prev' }, { id: 1, with: 'next' }],
  splitArticle: [{ id: 1, at: 3 }],
  undoCorrection: [{ correctionId: 7 }],
  getHistory: [{ id: 1 }],
  getOriginal: [{ id: 1 }],
  teamStatus: [{}, undefined],
  setTeamSettings: [
    { remote: 'postgres://baoku@db.lan/baoku' },
    { remote: 'postgresql://baoku:密码@10.0.0.5:5433/报库', user: '王编辑' },
    { remote: null },
    { password: 's3cret' },
    { password: null },
    { user: '李记者' },
  ],
  syncNow: [{}, undefined],
  listTeamConflicts: [{}, { all: true }],
  resolveTeamConflict: [{ id: 3 }],
};

/** Arguments every method must refuse. */
const HOSTILE: Record<ApiMethod, unknown[]> = {
  stats: [{ x: 1 }, [], 'stats'],
  reparse: [{ all: 'yes' }, { pages: [1] }, 'all'],
  search: [
    {},
    { query: 1 },
    { query: 'a', limit: 1001 },
    { query: 'a', limit: -1 },
    { query: 'a', limit: 1.5 },
    { query: 'a', offset: -5 },
    { query: 'a', sort: 'random' },
    { query: 'a', filters: { dateFrom: '2022/01/01' } },
    { query: 'a', filters: { dateFrom: '2023-02-29' } },
    { query: 'a', filters: { dateFrom: '2022-12-31', dateTo: '2022-01-01' } },
    { query: 'a', filters: { page: 0 } },
    { query: 'a', filters: { sql: '1=1' } },
    { query: 'a', filters: [] },
    { query: 'a\u0000b' },
    { query: 'a', extra: true },
    'query',
    null,
  ],
  getArticle: [{}, { id: 0 }, { id: -1 }, { id: 1.5 }, { id: '1' }, { id: Number.NaN }, { id: Infinity }, { id: 1, x: 2 }, 1],
  getRawText: [{ id: '1 OR 1=1' }, null],
  moreLikeThis: [{ id: 1, limit: 5000 }, { limit: 5 }],
  getNearDuplicates: [{}, { id: -1 }, { id: 3, extra: 1 }],
  guessFileMeta: [{}, { name: '' }, { name: 'a'.repeat(4097) }, { name: 'a\u0000.txt' }],
  startImport: [
    {},
    { paths: [] },
    { sample: false },
    { paths: [''] },
    { paths: ['a'.repeat(4097)] },
    { paths: '/etc/passwd' },
    { files: [{ name: 'a.txt', dataBase64: '不是base64' }] },
    { files: [{ name: 'a.txt', dataBase64: 'abc' }] },
    { files: [{ name: 'a.txt' }] },
    { sample: true, date: '20220128' },
    { sample: true, page: -3 },
    { sample: true, paper: '' },
    { sample: true, paper: 'x'.repeat(101) },
  ],
  importStatus: [{}, { jobId: '' }, { jobId: '../../etc' }, { jobId: 'a'.repeat(129) }],
  cancelImport: [{ jobId: 5 }],
  listImports: [{ limit: 1e9 }, { offset: 1 }],
  listTags: [{ kind: 'people' }, { prefix: 'x'.repeat(101) }],
  changeTags: [
    { add: [{ kind: 'topic', name: 'x' }] },
    { ids: [1], query: 'x', add: [{ kind: 'topic', name: 'x' }] },
    { ids: [1] },
    { ids: [1], add: [] },
    { ids: [0], add: [{ kind: 'topic', name: 'x' }] },
    { ids: [1], add: [{ kind: 'topic', name: '   ' }] },
    { ids: [1], add: [{ kind: 'topic', name: 'x'.repeat(101) }] },
    { ids: [1], add: [{ kind: 'reporter', name: '张三', role: '主编' }] },
    { ids: [1], add: [{ kind: 'topic', name: 'x', source: 'auto' }] },
    { ids: [1], add: Array.from({ length: 101 }, (_, i) => ({ kind: 'topic', name: `t${i}` })) },
  ],
  undoTagChange: [{ changeId: 0 }, { changeId: 'last' }],
  tagHistory: [{ limit: 1001 }],
  suggestTopics: [{ id: null }],
  tagUsage: [{ kind: 'topic' }, { name: 'x' }],
  renameTag: [{ kind: 'topic', from: 'a', to: '' }, { kind: 'topic', from: 'a' }],
  mergeTags: [{ kind: 'topic', from: 'a', to: 'b' }],
  deleteTag: [{ kind: 'topic', name: '\u0007' }],
  listClippingSets: [{ all: true }],
  saveClippingSet: [
    { name: 'x' },
    { name: '', articleIds: [] },
    { name: 'x', articleIds: [1, -2] },
    { name: 'x', articleIds: 'all' },
    { id: 0, name: 'x', articleIds: [] },
  ],
  deleteClippingSet: [{}, { id: 'x' }],
  exportClippings: [
    { ids: [1], format: 'exe' },
    { ids: [1] },
    { format: 'pdf' },
    { ids: [1], query: 'x', format: 'pdf' },
    { ids: [1], format: 'pdf', title: 'x'.repeat(201) },
    { ids: [1], format: 'pdf', pageBreaks: 'yes' },
  ],
  getCitation: [
    { ids: [], format: 'gbt7714' },
    { ids: [1], format: 'bibtex' },
    { ids: [1] },
    { format: 'ris' },
    { ids: [0], format: 'ris' },
    { query: '黄河', format: 'ris' },
  ],
  listSavedSearches: [{ all: true }],
  saveSearch: [
    { name: '', query: '黄河' },
    { name: '   ', query: '黄河' },
    { name: 'x'.repeat(101), query: '黄河' },
    { name: '黄河' },
    { name: '黄河', query: '黄河', sort: 'random' },
    { name: '黄河', query: '黄河', filters: { dateFrom: '2022-12-31', dateTo: '2022-01-01' } },
    { name: '黄河', query: '黄河', id: 3 },
  ],
  renameSavedSearch: [{ id: 2 }, { id: 2, name: '' }, { name: 'x' }],
  deleteSavedSearch: [{}, { id: 0 }],
  reorderSavedSearches: [{}, { ids: [1, 'x'] }, { ids: Array.from({ length: 201 }, (_, i) => i + 1) }],
  openSavedSearch: [{}, { id: -1 }, { name: '黄河' }],
  correctArticle: [
    { id: 1 },
    { id: 1, people: { reporters: ['Liu'], correspondents: [], photographers: [], interns: [] } },
    { id: 1, people: { reporters: ['新华社发美联社照片'], correspondents: [], photographers: [], interns: [] } },
    { id: 1, people: { reporters: [], correspondents: ['2022年'], photographers: [], interns: [] } },
    { id: 1, title: 'x'.repeat(201) }, { id: 1, date: '1998-02-30' }, { id: 1, paragraphs: [{ index: -1, text: 'x' }] }, { id: 1, colour: 'red' }],
  mergeArticles: [{ id: 1 }, { id: 1, with: 'up' }],
  splitArticle: [{ id: 1, at: 0 }, { id: 1 }],
  undoCorrection: [{}, { correctionId: 0 }],
  getHistory: [{}],
  getOriginal: [{ id: 'x' }],
  teamStatus: [{ remote: 'x' }],
  setTeamSettings: [{}, { remote: 'http://db.lan/baoku' }, { remote: 'postgres://a b@db/x' }, { user: '' }, { user: '   ' }, { remote: 'postgres://db/x\n' }, { role: 'editor' }],
  syncNow: [{ remote: 'postgres://db/x' }],
  listTeamConflicts: [{ all: 'yes' }],
  resolveTeamConflict: [{}, { id: 0 }],
};

describe('validateArg', () => {
  it('has a schema, valid and hostile cases for exactly the methods of the contract', () => {
    expect(Object.keys(API_SCHEMAS).sort()).toEqual([...API_METHODS].sort());
    expect(Object.keys(VALID).sort()).toEqual([...API_METHODS].sort());
    expect(Object.keys(HOSTILE).sort()).toEqual([...API_METHODS].sort());
  });

  for (const method of API_METHODS) {
    it(`accepts valid arguments of ${method}`, () => {
      for (const arg of VALID[method]) {
        const r = validateArg(method, arg);
        expect(r, `${method} ${JSON.stringify(arg)}`).toMatchObject({ ok: true });
      }
    });
    it(`refuses hostile arguments of ${method} with a Chinese message`, () => {
      for (const arg of HOSTILE[method]) {
        const r = validateArg(method, arg);
        expect(r.ok, `${method} ${JSON.stringify(arg)?.slice(0, 200)}`).toBe(false);
        if (!r.ok) {
          expect(r.error).toMatch(HAN);
          expect(r.error.length).toBeLessThan(600);
        }
      }
    });
  }

  it('says why a corrected byline person is no name', () => {
    const r = validateArg('correctArticle', { id: 1, people: { reporters: ['刘文斯', 'Liu'], correspondents: [], photographers: [], interns: [] } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('“Liu”不像人名');
  });

  it('returns a parsed copy, not the caller object', () => {
    const arg = { query: '黄河', filters: { paper: '大众日报' } };
    const r = validateArg('search', arg);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toEqual(arg);
      expect(r.value).not.toBe(arg);
      expect((r.value as typeof arg).filters).not.toBe(arg.filters);
    }
  });

  it('maps a missing argument of an all-optional method to {}', () => {
    expect(validateArg('listImports', undefined)).toEqual({ ok: true, value: {} });
    expect(validateArg('stats', null)).toEqual({ ok: true, value: {} });
  });

  it('refuses unknown and inherited method names', () => {
    for (const m of ['', 'toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'deleteAll', 'STATS', 'stats ']) {
      expect(isApiMethod(m)).toBe(false);
      const r = validateArg(m, {});
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/未知的方法/);
    }
    expect(isApiMethod(42)).toBe(false);
    expect(isApiMethod(null)).toBe(false);
    expect(validateArg(42 as unknown as string, {}).ok).toBe(false);
    for (const m of API_METHODS) expect(isApiMethod(m)).toBe(true);
  });

  it('refuses prototype-pollution keys at any depth and pollutes nothing', () => {
    const payloads = [
      ['search', '{"query":"a","__proto__":{"polluted":1}}'],
      ['search', '{"query":"a","filters":{"__proto__":{"polluted":1}}}'],
      ['search', '{"query":"a","constructor":{"prototype":{"polluted":1}}}'],
      ['changeTags', '{"ids":[1],"add":[{"kind":"topic","name":"x","__proto__":{"polluted":1}}]}'],
      ['startImport', '{"files":[{"name":"a","dataBase64":"","prototype":{"polluted":1}}]}'],
      ['listClippingSets', '{"__proto__":{"polluted":1}}'],
      ['stats', '{"constructor":{}}'],
    ] as const;
    for (const [m, json] of payloads) {
      const r = validateArg(m, JSON.parse(json));
      expect(r.ok, json).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/__proto__|constructor|prototype/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('bounds the query at 2,000 characters', () => {
    expect(validateArg('search', { query: '黄'.repeat(MAX_QUERY_CHARS) }).ok).toBe(true);
    const r = validateArg('search', { query: '黄'.repeat(MAX_QUERY_CHARS + 1) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('query');
  });

  it('bounds id arrays at 200,000 positive integers', () => {
    const many = Array.from({ length: MAX_IDS }, (_, i) => i + 1);
    expect(validateArg('saveClippingSet', { name: '全部', articleIds: many }).ok).toBe(true);
    expect(validateArg('saveClippingSet', { name: '全部', articleIds: [...many, MAX_IDS + 1] }).ok).toBe(false);
    const oneBad = many.slice();
    oneBad[123_456] = 0;
    expect(validateArg('exportClippings', { ids: oneBad, format: 'txt' }).ok).toBe(false);
  });

  it('bounds one upload at 60 MB of base64', () => {
    const atLimit = 'A'.repeat(MAX_UPLOAD_BASE64_CHARS);
    expect(validateArg('startImport', { files: [{ name: 'big.txt', dataBase64: atLimit }] }).ok).toBe(true);
    const over = 'A'.repeat(MAX_UPLOAD_BASE64_CHARS + 4);
    const r = validateArg('startImport', { files: [{ name: 'big.txt', dataBase64: over }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('60 MB');
  });

  it('bounds all uploads of one import together', () => {
    const chunk = 'A'.repeat(MAX_UPLOAD_BASE64_CHARS);
    const files = Array.from({ length: 5 }, (_, i) => ({ name: `p${i}.txt`, dataBase64: chunk }));
    const r = validateArg('startImport', { files });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('总大小');
  });

  it('checks calendar dates, not only their shape', () => {
    const ok = (d: string) => validateArg('startImport', { sample: true, date: d }).ok;
    expect(ok('2024-02-29')).toBe(true);
    expect(ok('2023-02-29')).toBe(false);
    expect(ok('2022-04-31')).toBe(false);
    expect(ok('2022-13-01')).toBe(false);
    expect(ok('2022-1-5')).toBe(false);
    expect(ok('2022-01-05T00:00')).toBe(false);
  });

  it('survives arguments that throw when read', () => {
    const evil = {};
    Object.defineProperty(evil, 'query', { enumerable: true, get() { throw new Error('boom'); } });
    const r = validateArg('search', evil);
    expect(r.ok).toBe(false);
  });
});
