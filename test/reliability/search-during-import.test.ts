/**
 * A search is answered while a long import job runs, in the real core worker
 * (`startCoreWorker`) on a real archive: the job works in slices with a turn
 * of the worker's event loop between them (`Archive.importSources`), so a
 * search or `stats` waits for one slice, not for the job. And a page appears
 * whole: a search during the job finds each page's articles all or none.
 *
 * The pages are the bundled sample, each a page of its own (its date in the
 * file name) with its own last line, and `淄博`, which every article of the
 * sample holds, turned into `琥珀`, a word no other text here has: a search for
 * `琥珀` counts the articles of the pages stored so far.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoreWorker, type CoreWorker } from '../../src/node/worker-client';
import type { ImportJobStatus, SearchResponse } from '../../src/shared/api';
import { REPO, tmpDir } from './support';

const PAGES = 60;
const WORD = '琥珀';

describe('search during a long import job (real core worker)', () => {
  const dir = tmpDir('interleave');
  let core: CoreWorker;

  beforeAll(async () => {
    core = startCoreWorker({ archiveDir: path.join(dir, 'archive'), writable: true });
    await core.ready;
  }, 120_000);

  afterAll(async () => {
    await core?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers searches and stats between the slices of a 60-page job, and shows each page whole', { timeout: 300_000 }, async () => {
    const sample = fs.readFileSync(path.join(REPO, 'resources', 'sample', '大众日报_2022-01-28_第3版.txt'), 'utf8').replaceAll('淄博', WORD);
    const files = Array.from({ length: PAGES }, (_, i) => {
      const day = new Date(Date.UTC(2031, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      const text = `${sample}\n\n本报讯 第 ${i} 号版面的最后一行。\n`;
      return { name: `大众日报_${day}_第3版.txt`, dataBase64: Buffer.from(text).toString('base64') };
    });
    const count = async () => ((await core.search({ query: WORD, limit: 1, dedupe: false })) as SearchResponse).total;
    expect(await count()).toBe(0);

    const { jobId } = (await core.startImport({ files })) as { jobId: string };
    const status = async () => (await core.importStatus({ jobId })) as ImportJobStatus;
    /** Each search answered, with what the job had done when the next status came. */
    const seen: { total: number; filesDone: number; running: boolean }[] = [];
    for (;;) {
      const total = await count();
      expect(((await core.stats()) as { articles: number }).articles).toBeGreaterThanOrEqual(total);
      const st = await status();
      seen.push({ total, filesDone: st.filesDone, running: st.state === 'running' });
      if (st.state !== 'running') break;
    }
    const final = await status();
    expect(final.state).toBe('done');
    expect(final.report!.files.every((f) => f.status === 'imported')).toBe(true);
    const perPage = (await count()) / PAGES;
    expect(Number.isInteger(perPage) && perPage >= 3).toBe(true);

    const during = seen.filter((s) => s.running);
    // Searches were answered while the job ran, at many points of it (not all before it began
    // nor all after it ended): the job moved on between them.
    expect(new Set(during.map((s) => s.filesDone)).size).toBeGreaterThanOrEqual(5);
    expect(during.some((s) => s.filesDone > 0 && s.filesDone < PAGES / 2)).toBe(true);
    for (const s of during) {
      // Whole pages only: no search saw a page with some of its articles stored and not others.
      expect(s.total % perPage).toBe(0);
      // And never ahead of the job: what was found was stored by a file already counted.
      expect(s.total / perPage).toBeLessThanOrEqual(s.filesDone);
    }
    // Pages are never seen to go away again.
    for (let i = 1; i < seen.length; i++) expect(seen[i].total).toBeGreaterThanOrEqual(seen[i - 1].total);
  });
});
