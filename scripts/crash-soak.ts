/**
 * The long crash test, run by hand:
 *
 *   node bin/run-ts.mjs scripts/crash-soak.ts --kills 200 [--seed N] [--keep]
 *
 * Builds a base archive from the real pages (pages-dev when present), then
 * SIGKILLs a child that imports, bulk-tags, undoes and saves the index at
 * `--kills` seeded random moments, checking the archive after each kill
 * (see test/reliability/crash-harness.ts). Exit code 1 if any kill left a
 * problem.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { buildBaseArchive, crashCampaign } from '../test/reliability/crash-harness';
import { realPages, tmpDir } from '../test/reliability/support';

const { values } = parseArgs({ options: { kills: { type: 'string' }, seed: { type: 'string' }, keep: { type: 'boolean' } } });
const kills = Number(values.kills ?? 200);
const seed = Number(values.seed ?? Date.now() % 100000);
const pages = realPages();
if (pages.length < 5) {
  process.stderr.write('没有足够的真实版面（resources/sample、test/fixtures/pages、/work/shared/pages-dev）\n');
  process.exit(1);
}
const dir = tmpDir('crash-soak');
const t0 = Date.now();
const base = await buildBaseArchive(dir, pages, 1000);
process.stdout.write(`base archive ${dir}: ${base.articles} articles (${((Date.now() - t0) / 1000).toFixed(0)} s), seed ${seed}\n`);
const summary = await crashCampaign({ dir, pages, kills, seed, baseMaxId: base.maxId, committedTags: base.tags, log: (l) => process.stdout.write(l + '\n') });
process.stdout.write(
  `\n${summary.survived}/${summary.kills.length} kill points survived; ` +
    `${summary.committedImports} committed imports, ${summary.committedTags} committed tag changes checked; ` +
    `killed during: ${JSON.stringify(summary.during)}; ` +
    `index loaded ${summary.kills.filter((k) => k.index === 'loaded').length}, rebuilt ${summary.kills.filter((k) => k.index === 'rebuilt').length}; ` +
    `${((Date.now() - t0) / 1000).toFixed(0)} s\n`,
);
if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
else process.stdout.write(`archive kept at ${dir}\n`);
process.exit(summary.survived === summary.kills.length ? 0 : 1);
