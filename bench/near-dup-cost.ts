/**
 * What near-duplicate detection adds to import: the same corpus pages
 * (bench/corpus.ts) imported into a fresh archive with detection off and on,
 * alternately (off, on, off, on), so a change in the machine's load hits both.
 *
 *   node bin/run-ts.mjs bench/near-dup-cost.ts [items=3000] [--into ARCHIVE]
 *
 * `--per-import N`: the pages imported N at a time (a day's paper, say),
 * one import each, instead of all in one import: near-duplicates are stored
 * at the end of each import, so this is what a small import pays.
 *
 * `--into ARCHIVE` (e.g. `.bench-data/archive-150000-s1`): what detection
 * adds to an import into an archive of that size, not into an empty one:
 * each run imports the pages into a fresh copy of ARCHIVE (as the paper
 * 对照报, so they add to it rather than replace its pages; the same stories,
 * so detection finds the copies, as with agency copy printed again). Only
 * the import is timed, not the copy, the open or the index save at close.
 *
 * Prints ms per article for each run, the mean of each mode, the added
 * share, the groups found, and `uptime` before and after. On a loaded
 * machine the whole-import difference is within the noise, so the detection's
 * own steps are also timed directly: the SQLite update (look-up, store,
 * regroup) during the import, and the MinHash of each article's terms
 * (tokenized beforehand, as the index has done at import).
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../src/core/service';
import { expandPaths } from '../src/core/ingest/sources';
import { ensurePages } from './corpus';
import { getArticles, iterateArticles } from '../src/core/store/articles';
import { withConnection } from '../src/core/store/db';
import { searchable } from '../src/core/store/continuations';
import { articleToDoc } from '../src/core/search/article-index';
import { tokenizeForIndex } from '../src/core/text/tokenizer';
import { signature } from '../src/core/text/near-dup';

const into = process.argv.includes('--into') ? path.resolve(process.argv[process.argv.indexOf('--into') + 1]) : undefined;
const perImport = process.argv.includes('--per-import') ? Number(process.argv[process.argv.indexOf('--per-import') + 1]) : Infinity;
const size = Number(process.argv.slice(2).find((a, i, all) => /^\d+$/.test(a) && all[i - 1] !== '--per-import') ?? 3000);
// Seed 2 when adding to a bench archive (built with seed 1): other bylines, the same stories.
const pages = ensurePages(path.join(os.tmpdir(), 'baoku-near-dup-bench'), size, into ? 2 : 1, console.log);
const uptime = () => execSync('uptime').toString().trim();
console.log(`${pages.items} items on ${pages.files.length} pages${perImport < Infinity ? `, ${perImport} pages an import` : ''}; ${uptime()}`);

const runs: { on: boolean; msPerArticle: number; groups: number }[] = [];
for (const on of [false, true, false, true]) {
  const dir = fs.mkdtempSync(path.join(into ? path.dirname(into) : os.tmpdir(), 'baoku-nd-cost-'));
  if (into) for (const f of fs.readdirSync(into)) if (!f.startsWith('backups')) fs.cpSync(path.join(into, f), path.join(dir, f), { recursive: true });
  const a = await Archive.open({ dir, autoBackup: false, saveDelayMs: 600_000, nearDuplicates: on });
  await a.checked;
  const before = a.nearDups.members.size;
  let updateMs = 0;
  const update = a.nearDups.update.bind(a.nearDups);
  a.nearDups.update = (c, r) => {
    const u0 = performance.now();
    update(c, r);
    updateMs += performance.now() - u0;
  };
  const t0 = performance.now();
  const sources = expandPaths([pages.dir]).sources;
  const reports = [];
  for (let i = 0; i < sources.length; i += Math.min(perImport, sources.length))
    reports.push(...(await a.importSources(sources.slice(i, i + Math.min(perImport, sources.length)), into ? { paper: '对照报' } : {})));
  const ms = performance.now() - t0;
  const articles = reports.reduce((n, r) => n + r.articles, 0);
  const groups = a.nearDups.members.size - (into ? before : 0);
  let minhashMs = 0;
  if (on) {
    // The imported articles only (the archive's own were signed when it was built).
    const indexed = a.indexedIds();
    const firstNew = into ? indexed[indexed.length - 1] - articles + 1 : 0;
    const batches = withConnection(a.dir, (db) => (into ? [getArticles(db, indexed.filter((id) => id >= firstNew))] : [...iterateArticles(db, 1000)]));
    for (const batch of batches)
      for (const x of batch) {
        const doc = searchable(x);
        if (!doc) continue;
        const tokens = tokenizeForIndex(articleToDoc(doc).body);
        const m0 = performance.now();
        signature(tokens);
        minhashMs += performance.now() - m0;
      }
    console.log(`  own steps: SQLite update ${(updateMs / articles).toFixed(3)} ms/article, MinHash ${(minhashMs / articles).toFixed(3)} ms/article`);
  }
  await a.close();
  fs.rmSync(dir, { recursive: true, force: true });
  runs.push({ on, msPerArticle: ms / articles, groups });
  console.log(`detection ${on ? 'on ' : 'off'}: ${articles} articles in ${(ms / 1000).toFixed(1)} s = ${(ms / articles).toFixed(2)} ms/article${on ? `, ${groups} groups of 2 or more${into ? ' more than before' : ''}` : ''}`);
}
const mean = (xs: number[]) => xs.reduce((n, x) => n + x, 0) / xs.length;
const off = mean(runs.filter((r) => !r.on).map((r) => r.msPerArticle));
const onMs = mean(runs.filter((r) => r.on).map((r) => r.msPerArticle));
console.log(`off ${off.toFixed(2)} ms/article, on ${onMs.toFixed(2)} ms/article: +${(onMs - off).toFixed(2)} ms (${(((onMs - off) / off) * 100).toFixed(1)} %)`);
console.log(uptime());
