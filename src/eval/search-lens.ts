/**
 * Known-item finding over the shuffled lens (`npm run eval:search -- --lens 1,2,3,4`): the dev
 * queries of one half searched over that half's articles dealt at random onto made-up pages and
 * parsed again (eval/shuffled.ts), not over the real pages. A target the parser misses on a page it
 * has not seen in that arrangement is missed here too, so this is a harsher estimate of finding on
 * unseen pages than the real dev pages give. Half by the edition's day, as dev-sets.ts splits.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dealtPage } from './shuffled';
import { inHalf, type Half } from './dev-sets';
import { KINDS, devArchive, loadQueries, mrr, runEval } from './search';

export async function lensSearch(seeds: number[]): Promise<void> {
  for (const half of ['a', 'b'] as Half[]) {
    const queries = loadQueries().filter((q) => inHalf(q.date, half));
    const sums = new Map<string, number>();
    for (const seed of seeds) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-lens-pages-'));
      // The file name gives each page a date of its half (the score matches headlines, not dates).
      for (let p = 1; ; p++) {
        const text = dealtPage({ set: '1998', half, seed, page: p });
        if (text === null) break;
        fs.writeFileSync(path.join(dir, `199801${half === 'a' ? '03' : '08'}-${String(p).padStart(2, '0')}.txt`), text);
      }
      const a = await devArchive(undefined, dir);
      const out = await runEval(a, queries);
      await a.close();
      fs.rmSync(a.dir, { recursive: true, force: true });
      fs.rmSync(dir, { recursive: true, force: true });
      for (const kind of KINDS) {
        const o = out.filter((x) => x.kind === kind);
        sums.set(kind, (sums.get(kind) ?? 0) + mrr(o));
        const missed = o.filter((x) => x.reason).map((x) => `${x.reason}: ${x.query.title.slice(0, 20)}`);
        console.log(`half ${half.toUpperCase()} seed ${seed} ${kind.padEnd(10)} n=${o.length} MRR@10 ${mrr(o).toFixed(3)}${missed.length ? `  (${missed.join('；')})` : ''}`);
      }
    }
    console.log(`half ${half.toUpperCase()} mean over seeds ${seeds.join(',')}: ${KINDS.map((k) => `${k} ${((sums.get(k) ?? 0) / seeds.length).toFixed(3)}`).join('  ')}`);
  }
}
