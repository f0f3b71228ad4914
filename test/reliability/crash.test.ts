/**
 * Crash safety: a child process imports pages, bulk-tags up to 1,000
 * articles (all of a 300-article base here), undoes tag changes and saves the index; it is SIGKILLed at a
 * dozen seeded random moments and the archive is checked after each kill
 * (see crash-harness.ts for what is checked). The long version is
 * `node bin/run-ts.mjs scripts/crash-soak.ts --kills 200`.
 */
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBaseArchive, crashCampaign } from './crash-harness';
import { hasPagesDev, realPages, tmpDir } from './support';

const KILLS = Number(process.env.BAOKU_CRASH_KILLS ?? 12);
const SEED = Number(process.env.BAOKU_CRASH_SEED ?? 20250127);
/**
 * Articles in the base archive (the child bulk-tags up to 1,000 of them). Every
 * kill costs an index load or rebuild proportional to this, so CI keeps it
 * small; crash-soak.ts uses 1,000.
 */
const BASE = Number(process.env.BAOKU_CRASH_BASE ?? 300);

describe.skipIf(!hasPagesDev())('crash safety (SIGKILL at random points)', () => {
  const dir = tmpDir('crash');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`survives ${KILLS} kills with nothing committed lost`, { timeout: 30 * 60_000 }, async () => {
    const pages = realPages();
    const base = await buildBaseArchive(dir, pages, BASE);
    expect(base.articles).toBeGreaterThanOrEqual(BASE);
    const summary = await crashCampaign({
      dir,
      pages,
      kills: KILLS,
      seed: SEED,
      baseMaxId: base.maxId,
      committedTags: base.tags,
      maxSteps: 4,
      rebuildCompareEvery: 3,
      log: (l) => process.stdout.write(`[crash] ${l}\n`),
    });
    process.stdout.write(
      `[crash] ${summary.survived}/${summary.kills.length} kill points survived; ${summary.committedImports} imports and ` +
        `${summary.committedTags} tag changes committed and checked; during ${JSON.stringify(summary.during)}\n`,
    );
    expect(summary.kills.flatMap((k) => k.problems.map((p) => `kill ${k.trial} (${k.during}): ${p}`))).toEqual([]);
    expect(summary.kills).toHaveLength(KILLS);
    expect(summary.tagChanges).toBeGreaterThanOrEqual(base.tags.length);
    // The campaign must really have crashed the child inside its work, not only at start-up.
    expect(summary.kills.filter((k) => k.during !== 'open' && k.during !== 'ready').length).toBeGreaterThan(KILLS / 3);
  });
});
