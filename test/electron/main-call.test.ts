/**
 * The desktop's contract call (`src/main/call.ts`: validateArg + dispatch +
 * envelope) against the real core running in its worker thread, on a fresh
 * archive with the sample page imported.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../src/main/call';
import { startCoreWorker, type CoreWorker } from '../../src/node/worker-client';
import type { ImportJobStatus, SearchResponse } from '../../src/shared/api';

const HAN = /[\u4e00-\u9fff]/;
const archiveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-main-call-'));
let worker: CoreWorker;

beforeAll(async () => {
  worker = startCoreWorker({ archiveDir, resourcesDir: path.resolve('resources'), pdf: 'external', writable: true });
  await worker.ready;
});

afterAll(async () => {
  await worker?.close();
  fs.rmSync(archiveDir, { recursive: true, force: true });
});

describe('callApi on the real core', () => {
  it('answers stats with an ok envelope', async () => {
    const r = await callApi(worker, 'stats', undefined);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject({ articles: 0, writable: true });
  });

  it('imports the sample and finds it', async () => {
    const started = await callApi(worker, 'startImport', { sample: true });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const { jobId } = started.value as { jobId: string };
    let status: ImportJobStatus | undefined;
    for (let i = 0; i < 600; i++) {
      const s = await callApi(worker, 'importStatus', { jobId });
      expect(s.ok).toBe(true);
      if (s.ok) status = s.value as ImportJobStatus;
      if (status && status.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status?.state).toBe('done');
    expect(status?.articlesFound).toBeGreaterThan(0);

    const stats = await callApi(worker, 'stats', {});
    const found = await callApi(worker, 'search', { query: '', filters: { paper: '大众日报' }, limit: 5 });
    expect(found.ok).toBe(true);
    if (!found.ok || !stats.ok) return;
    const res = found.value as SearchResponse;
    expect(res.total).toBe((stats.value as { articles: number }).articles);
    expect(res.hits.length).toBeGreaterThan(0);
    const article = await callApi(worker, 'getArticle', { id: res.hits[0].id });
    expect(article).toMatchObject({ ok: true, value: { id: res.hits[0].id } });
  });

  it('refuses bad arguments before the core sees them', async () => {
    for (const [m, a] of [
      ['search', { query: 5 }],
      ['getArticle', { id: -1 }],
      ['startImport', { paths: '/etc' }],
      ['search', JSON.parse('{"query":"a","__proto__":{"x":1}}')],
      ['constructor', {}],
      [42, {}],
    ] as const) {
      const r = await callApi(worker, m, a);
      expect(r, JSON.stringify(m)).toMatchObject({ ok: false, code: 'bad-request' });
      if (!r.ok) expect(r.error).toMatch(HAN);
    }
  });

  it('passes the core’s own error codes and Chinese messages through', async () => {
    const r = await callApi(worker, 'importStatus', { jobId: 'no-such-job' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(HAN);
      expect(r.code).not.toBe('bad-request');
    }
  });
});
