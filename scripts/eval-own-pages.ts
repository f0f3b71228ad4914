/**
 * Boundaries, headline blocks and people on the pages of our own making (`src/eval/own-pages.ts`).
 *
 *   node bin/run-ts.mjs scripts/eval-own-pages.ts [--verbose] [SET…]
 */
import { boundaryF1, evalOwnPages, ownPageSets } from '../src/eval/own-pages';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const sets = args.filter((a) => !a.startsWith('--'));
for (const set of sets.length ? sets : ownPageSets()) {
  const r = evalOwnPages(set);
  const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) : '—');
  console.log(
    `${set}: articles ${r.gold}, found ${r.found}, matched ${r.matched}: boundary F1 ${pct(boundaryF1(r), 1)}%  headline blocks ${pct(r.headsExact, r.heads)}% of ${r.heads}  people ${r.peopleFound}/${r.people}, extra ${r.extraPeople}`,
  );
  if (verbose) for (const m of r.misses) console.log(`  ${m}`);
}
