/**
 * Child process of the benchmark: a cold start on an existing archive.
 * Measures `loadIndex` alone, then a full `Archive.open` (database, jieba,
 * dictionary, index), the RSS after load, and search latency for the query
 * set, relevance- and date-sorted, as the UI asks (limit 20, facets on) and
 * the matching core alone (parse + index + filters + sort), and the relevance
 * call again with near-duplicates not collapsed (`dedupe: false`; on by
 * default), which is what grouping costs a search. Prints one JSON line on stdout.
 *
 *   node bin/run-ts.mjs bench/cold.ts <archiveDir> <reps>
 */
import { Archive } from '../src/core/service';
import { loadIndex, readFingerprint } from '../src/core/search/persist';
import type { SearchRequest } from '../src/shared/api';
import { cpuMs, gc, latency, loadQueries, now, rssMb, heapMb, timeQueries, type Latency } from './measure';

export interface ColdResult {
  loadIndexMs: number;
  openMs: number;
  openCpuMs: number;
  rssAfterLoadMb: number;
  heapAfterLoadMb: number;
  articles: number;
  search: Record<'relevance' | 'date', { full: Latency; core: Latency; perQueryMax: Record<string, number>; totals: Record<string, number> }>;
  /** Relevance, full call, with `dedupe: false` (the default collapses near-duplicate groups). */
  relevanceNoDedupe: Latency;
  rssAfterSearchMb: number;
}

/** `loadIndex` alone (the fingerprint is read from the file itself, so it always matches). */
function timeLoadIndex(dir: string): number {
  const fingerprint = readFingerprint(dir);
  const t = now();
  const loaded = loadIndex(dir, fingerprint);
  const ms = now() - t;
  if (!loaded.index) throw new Error(`index did not load: ${loaded.reason}`);
  return ms;
}

async function main(): Promise<void> {
  const [dir, repsArg] = process.argv.slice(2);
  const reps = Number(repsArg ?? 5);
  const queries = loadQueries();
  const loadIndexMs = timeLoadIndex(dir);
  gc();
  const t0 = now();
  const c0 = cpuMs();
  const archive = await Archive.open({ dir, writable: false, autoBackup: false });
  const openMs = now() - t0;
  const openCpuMs = cpuMs() - c0;
  if (archive.openNotices.length) process.stderr.write(`  提示：${archive.openNotices.join('；')}\n`);
  gc();
  const rssAfterLoadMb = rssMb();
  const heapAfterLoadMb = heapMb();
  const matchAll = (archive as unknown as { matchAll(r: SearchRequest): { hits: unknown[] } }).matchAll.bind(archive);
  const search = {} as ColdResult['search'];
  for (const sort of ['relevance', 'date'] as const) {
    const totals: Record<string, number> = {};
    const full = await timeQueries(queries, reps, async (q) => {
      const r = await archive.search({ query: q.q, filters: q.filters, sort, limit: 20 });
      if (r.error) throw new Error(`${q.q}: ${r.error}`);
      totals[q.q] = r.total;
    });
    const core = await timeQueries(queries, reps, (q) => matchAll({ query: q.q, filters: q.filters, sort }));
    const perQueryMax: Record<string, number> = {};
    queries.forEach((q, i) => (perQueryMax[q.q] = Math.round(full.perQuery[i] * 10) / 10));
    search[sort] = { full: latency(full.all), core: latency(core.all), perQueryMax, totals };
  }
  const noDedupe = await timeQueries(queries, reps, async (q) => {
    await archive.search({ query: q.q, filters: q.filters, sort: 'relevance', limit: 20, dedupe: false });
  });
  const out: ColdResult = {
    loadIndexMs: Math.round(loadIndexMs),
    openMs: Math.round(openMs),
    openCpuMs: Math.round(openCpuMs),
    rssAfterLoadMb,
    heapAfterLoadMb,
    articles: archive.index.size,
    search,
    relevanceNoDedupe: latency(noDedupe.all),
    rssAfterSearchMb: rssMb(),
  };
  await archive.close();
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
