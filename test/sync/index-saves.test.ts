/**
 * A sync applies ops one after another and each changes the search index; like an import, it holds
 * the index saves until its end (at 150k one save takes seconds: written every `saveMaxWaitMs` of a
 * long first pull, it was a tenth of that pull), and writes the index once when it changed. Against
 * a real PostgreSQL, with a desk whose save delays are 1 ms and a Remote that takes 20 ms per pull
 * (a slow network: the save timers have every chance to fire between two ops).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../src/core/service';
import { INDEX_FILE } from '../../src/core/search/persist';
import { setDeskUser, syncArchive } from '../../src/core/sync/engine';
import { Remote } from '../../src/core/sync/remote';
import { tempDir } from '../core/helpers';
import { pgMissing } from './pg-cluster';
import { desk, importFiles, page, snapshot, sync, useTeamArchive } from './desks';

const missing = pgMissing();
if (missing) console.warn(`跳过团队档案库的测试：${missing}`);

const written = (dir: string): number | undefined => (fs.existsSync(path.join(dir, INDEX_FILE)) ? fs.statSync(path.join(dir, INDEX_FILE)).mtimeMs : undefined);

describe.skipIf(!!missing)('a sync writes the search index once, at its end', () => {
  const team = useTeamArchive('newsroom_saves', { 甲: 'editor', 乙: 'editor' });

  it('no index file is written while the ops are applied; the file is current after the sync', { timeout: 180_000 }, async () => {
    const a = await desk('甲');
    team.opened.push(a);
    await importFiles(a, [page('dzrb_20220208_02.txt'), page('bjrb_20210105_02.txt'), page('dzrb_20220510_05.txt')]);
    await sync(a, team.url);

    const dir = tempDir('baoku-desk-saves-');
    const b = await Archive.open({ dir, autoBackup: false, saveDelayMs: 1, saveMaxWaitMs: 1 });
    team.opened.push(b);
    setDeskUser(b, '乙');
    const r = await Remote.connect(team.url);
    const seen: (number | undefined)[] = [];
    const pull = r.pull.bind(r);
    r.pull = async (...args) => {
      await new Promise((res) => setTimeout(res, 20));
      seen.push(written(dir));
      return pull(...args);
    };
    try {
      const report = await syncArchive(b, r, { pullBatch: 1 });
      expect(report.applied).toBe(3);
    } finally {
      await r.close();
    }
    // One pull per op and one that finds the end: the file as it was before the first, every time.
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(1);
    const after = written(dir);
    expect(after).toBeDefined();
    expect(after).not.toBe(seen[0]);
    // The file written at the end is current: the archive opened again loads it instead of rebuilding.
    expect((await reopened(dir)).rebuilt).toBe(false);
    expect(snapshot(b)).toEqual(snapshot(a));
  });
});

/** A copy of the archive in `dir` opened: whether it rebuilt its index (the saved one did not match the store). */
async function reopened(dir: string): Promise<{ rebuilt: boolean }> {
  const copy = tempDir('baoku-desk-saves-copy-');
  fs.cpSync(dir, copy, { recursive: true });
  const c = await Archive.open({ dir: copy, autoBackup: false });
  try {
    return { rebuilt: c.openNotices.some((n) => /重建检索索引/.test(n)) };
  } finally {
    await c.close();
  }
}
