/**
 * A desk's sync pushes its ops and then pulls the log after its cursor, which holds those same ops:
 * they come back without their payload (`Remote.pull` `held`), so that the first sync of a large
 * archive uploads its pages once and does not download them all again (bench/team-scale.ts). What
 * the other desks pull is untouched: they get every payload and converge. Against a real PostgreSQL;
 * the desk's Remote is the real one, its pulls only recorded.
 */
import { describe, expect, it } from 'vitest';
import type { Archive } from '../../src/core/service';
import { syncArchive } from '../../src/core/sync/engine';
import { Remote, type RemoteOp } from '../../src/core/sync/remote';
import { pgMissing } from './pg-cluster';
import { desk, idOf, importFiles, page, snapshot, useTeamArchive } from './desks';

const missing = pgMissing();
if (missing) console.warn(`跳过团队档案库的测试：${missing}`);

/** One sync of `a` through a real Remote whose pulls are recorded. */
async function recordedSync(a: Archive, url: string): Promise<{ pulled: RemoteOp[]; report: Awaited<ReturnType<typeof syncArchive>>; last: number }> {
  const r = await Remote.connect(url);
  const pulled: RemoteOp[] = [];
  const pull = r.pull.bind(r);
  r.pull = async (...args) => {
    const ops = await pull(...args);
    pulled.push(...ops);
    return ops;
  };
  try {
    const report = await syncArchive(a, r);
    return { pulled, report, last: (await r.counts()).last };
  } finally {
    await r.close();
  }
}

describe.skipIf(!!missing)('a sync does not download again what it has just sent', () => {
  const team = useTeamArchive('newsroom_own', { 甲: 'editor', 乙: 'editor' });

  it("the sender gets its own ops back as numbers only; another desk gets every payload and the same archive", { timeout: 180_000 }, async () => {
    const a = await desk('甲');
    const b = await desk('乙');
    team.opened.push(a, b);
    await importFiles(a, [page('dzrb_20220208_02.txt'), page('bjrb_20210105_02.txt')]);
    await a.changeTags({ ids: [idOf(a, '停车难')], add: [{ kind: 'topic', name: '城市治理' }] });

    const first = await recordedSync(a, team.url);
    expect(first.report.pushed).toBe(3);
    // Every op it sent came back (the cursor is at the end of the log), none with its payload.
    expect(first.pulled.map((o) => o.seq).sort((x, y) => x - y)).toEqual([1, 2, 3]);
    expect(first.pulled.map((o) => o.payload)).toEqual(['', '', '']);
    expect(first.report.lastSeq).toBe(first.last);
    expect(first.report.applied).toBe(0);

    // A second desk receives the pages' raw texts and the tag, and ends with the same archive.
    const second = await recordedSync(b, team.url);
    expect(second.report.applied).toBe(3);
    const imports = second.pulled.filter((o) => o.kind === 'import');
    expect(imports).toHaveLength(2);
    const texts = imports.map((o) => (JSON.parse(o.payload) as { rawText: string }).rawText);
    expect(texts.every((t) => t.length > 300)).toBe(true);
    expect(texts.some((t) => t.includes('停车难'))).toBe(true);
    expect(snapshot(b)).toEqual(snapshot(a));

    // 乙's change reaches 甲 in full at 甲's next sync (only what 甲 itself sent is held back).
    await b.changeTags({ ids: [idOf(b, '停车难')], add: [{ kind: 'topic', name: '交通' }] });
    const fromB = await recordedSync(b, team.url);
    expect(fromB.pulled.map((o) => o.payload)).toEqual(['']);
    const back = await recordedSync(a, team.url);
    expect(back.pulled).toHaveLength(1);
    expect(back.pulled[0].payload).toContain('交通');
    expect(back.report.applied).toBe(1);
    expect(snapshot(a)).toEqual(snapshot(b));
  });
});
