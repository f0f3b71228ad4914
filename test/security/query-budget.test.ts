/**
 * Issue 19 row 4 (the part the carriers enforce): a query may hold at most
 * MAX_QUERY_PHRASES quoted phrases. The attack, an OR of many quoted
 * phrases, is refused with `查询过于复杂` through a real HTTP host on a real
 * worker-backed archive, and through main's call path; the host keeps
 * answering; a query within the budget still runs. And the budget in time
 * and presence (`core/search/budget.ts`): a search past its deadline answers
 * `查询过于复杂`, one whose client left or was superseded by a newer search
 * from the same window answers `查询已取消`, through the real worker.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../src/core/service';
import { expandPaths } from '../../src/core/ingest/sources';
import { callApi, SearchSlot } from '../../src/main/call';
import { startCoreWorker, type CoreWorker } from '../../src/node/worker-client';
import { startHttpHost, type HttpHost } from '../../src/node/http-host';
import { MAX_QUERY_PHRASES, countQuotedPhrases } from '../../src/shared/api-schema';
import { REPO, tmpDir } from '../reliability/support';

const orOfPhrases = (n: number) => Array.from({ length: n }, (_, i) => `"甲乙${i + 1}"`).join(' OR ') + ' OR x';

describe('query work budget', () => {
  const root = tmpDir('budget');
  let core: CoreWorker;
  let host: HttpHost;

  beforeAll(async () => {
    const a = await Archive.open({ dir: path.join(root, 'archive'), autoBackup: false });
    await a.importSources(expandPaths([path.join(REPO, 'resources', 'sample')]).sources, {});
    await a.close();
    core = startCoreWorker({ archiveDir: path.join(root, 'archive'), writable: false });
    await core.ready;
    host = await startHttpHost({ api: core, rendererDir: path.join(root, 'www') });
  }, 120_000);

  afterAll(async () => {
    await host?.close();
    await core?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const search = async (query: string) => {
    const r = await fetch(`${host.url}api/search`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query }) });
    return { status: r.status, json: (await r.json()) as { error?: string; total?: number } };
  };

  it('counts phrases as the query syntax writes them', () => {
    expect(countQuotedPhrases('"甲" “乙” 「丙」 记者:"陆 晓茜" 丁')).toBe(4);
    expect(countQuotedPhrases('"未闭合')).toBe(0);
    expect(countQuotedPhrases(orOfPhrases(280))).toBe(280);
  });

  it('refuses an OR of 150 phrases (and any query over the budget) with 查询过于复杂', async () => {
    for (const q of [orOfPhrases(150), orOfPhrases(MAX_QUERY_PHRASES + 1)]) {
      const r = await search(q);
      expect(r.status).toBe(400);
      expect(r.json.error).toMatch(/^查询过于复杂/);
    }
    const viaMain = await callApi(core, 'search', { query: orOfPhrases(150) });
    expect(viaMain.ok).toBe(false);
    if (!viaMain.ok) expect(viaMain.error).toMatch(/^查询过于复杂/);
    // The same budget guards the queries of tag edits and exports.
    const exp = await callApi(core, 'exportClippings', { query: orOfPhrases(50), format: 'txt' });
    expect(exp.ok).toBe(false);
  });

  it('a query within the budget runs, and the host still answers', async () => {
    const ok = await search(`${orOfPhrases(MAX_QUERY_PHRASES - 1)} OR "淄博"`);
    expect(ok.status, JSON.stringify(ok.json)).toBe(200);
    expect(ok.json.total).toBeGreaterThan(0);
    expect((await search('')).status).toBe(200);
  });

  it('stops a search past its deadline with 查询过于复杂, and the archive answers the next call', async () => {
    const a = await Archive.open({ dir: path.join(root, 'archive'), writable: false, autoBackup: false });
    const before = process.env.BAOKU_SEARCH_BUDGET_MS;
    try {
      process.env.BAOKU_SEARCH_BUDGET_MS = '0';
      const late = await a.search({ query: '"淄博" 工作会议' });
      expect(late.error).toMatch(/^查询过于复杂：0 秒内未能完成/);
      expect(late.hits).toEqual([]);
      process.env.BAOKU_SEARCH_BUDGET_MS = '60000';
      const inTime = await a.search({ query: '"淄博" 工作会议' });
      expect(inTime.error).toBeUndefined();
      expect(inTime.total).toBeGreaterThan(0);
    } finally {
      if (before === undefined) delete process.env.BAOKU_SEARCH_BUDGET_MS;
      else process.env.BAOKU_SEARCH_BUDGET_MS = before;
      await a.close();
    }
  });

  it('cancels a search whose client left, through the worker', async () => {
    const gone = new AbortController();
    gone.abort();
    const r = (await core.callWithSignal('search', { query: '"淄博高新区"' }, gone.signal)) as { error?: string; total: number };
    expect(r.error).toBe('查询已取消');
    const still = (await core.callWithSignal('search', { query: '"淄博高新区"' }, new AbortController().signal)) as { error?: string; total: number };
    expect(still.error).toBeUndefined();
    expect(still.total).toBeGreaterThan(0);
  });

  it("a newer search from the window cancels the older one in main's call path", async () => {
    const slot = new SearchSlot();
    const older = callApi(core, 'search', { query: '"淄博高新区"' }, undefined, slot);
    const newer = callApi(core, 'search', { query: '"淄博高新区" 工作会议' }, undefined, slot);
    const [o, n] = await Promise.all([older, newer]);
    expect(o.ok && (o.value as { error?: string }).error).toBe('查询已取消');
    expect(n.ok && (n.value as { error?: string; total: number }).error).toBeUndefined();
    expect(n.ok && (n.value as { total: number }).total).toBeGreaterThan(0);
    // A further page of results (offset > 0) does not cancel the first page.
    const first = callApi(core, 'search', { query: '"淄博高新区"' }, undefined, slot);
    const more = callApi(core, 'search', { query: '"淄博高新区"', offset: 20 }, undefined, slot);
    const [f] = await Promise.all([first, more]);
    expect(f.ok && (f.value as { error?: string }).error).toBeUndefined();
  });
});
