/**
 * Child process of the benchmark: a cold start on an existing archive.
 * Measures first what a reporter who starts the app waits for: a full
 * `Archive.open` as the app opens (writable; database, dictionary, index,
 * jieba in its thread) and the first search (the first query of the set,
 * as the UI asks), together the "first answer"; then how long the checks
 * after open take (`Archive.checked`: quick_check, off the archive's
 * thread), `loadIndex` alone, the RSS after load, and search latency for the query
 * set, relevance- and date-sorted, as the UI asks (limit 20, facets on) and
 * the matching core alone (parse + index + filters + sort), and the relevance
 * call again with near-duplicates not collapsed (`dedupe: false`; on by
 * default), which is what grouping costs a search. Prints one JSON line on stdout.
 *
 *   node bin/run-ts.mjs bench/cold.ts <archiveDir> <reps>
 */
import os from 'node:os';
import { Archive } from '../src/core/service';
import { loadIndex, readFingerprint } from '../src/core/search/persist';
import { cpuMs, gc, latency, loadQueries, now, rssMb, heapMb, timePaired, timeQueries, type Latency } from './measure';

export interface ColdResult {
  /** `loadIndex` alone, after the open (file cache warm). */
  loadIndexMs: number;
  openMs: number;
  openCpuMs: number;
  /** From just before `Archive.open` to the first search's answer (its query: `firstQuery`). */
  firstAnswerMs: number;
  firstQuery: string;
  /** …and to the end of the checks after open (`Archive.checked`). */
  checkedMs: number;
  /** The machine's 1-minute load average when this process started and ended. */
  load: { start: number; end: number };
  rssAfterLoadMb: number;
  heapAfterLoadMb: number;
  articles: number;
  search: Record<'relevance' | 'date', { full: Latency; core: Latency; perQueryMax: Record<string, number>; totals: Record<string, number> }>;
  /** Relevance, full call, with 去重 (the default: one line per near-duplicate group) and with `dedupe: false`, timed side by side (timePaired). */
  relevanceDedupe: Latency;
  relevanceNoDedupe: Latency;
  rssAfterSearchMb: number;
}

/**
 * `loadIndex` alone, as `Archive.open` loads it (the text file's CRCs left for after the first
 * search); the fingerprint is read from the file itself, so it always matches.
 */
function timeLoadIndex(dir: string): number {
  const fingerprint = readFingerprint(dir);
  const t = now();
  const loaded = loadIndex(dir, fingerprint, { deferTextCheck: true });
  const ms = now() - t;
  if (!loaded.index) throw new Error(`index did not load: ${loaded.reason}`);
  return ms;
}

async function main(): Promise<void> {
  const [dir, repsArg] = process.argv.slice(2);
  const reps = Number(repsArg ?? 5);
  const queries = loadQueries();
  const loadStart = os.loadavg()[0];
  const t0 = now();
  const c0 = cpuMs();
  const archive = await Archive.open({ dir, autoBackup: false });
  const openMs = now() - t0;
  const openCpuMs = cpuMs() - c0;
  const first = await archive.search({ query: queries[0].q, filters: queries[0].filters, limit: 20 });
  const firstAnswerMs = now() - t0;
  if (first.error) throw new Error(`${queries[0].q}: ${first.error}`);
  await archive.checked;
  const checkedMs = now() - t0;
  if (archive.openNotices.length) process.stderr.write(`  提示：${archive.openNotices.join('；')}\n`);
  gc();
  const rssAfterLoadMb = rssMb();
  const heapAfterLoadMb = heapMb();
  // The matching core alone (`Archive#matchCount`: every match found and counted; no ordering, no page of hits).
  const search = {} as ColdResult['search'];
  for (const sort of ['relevance', 'date'] as const) {
    const totals: Record<string, number> = {};
    const full = await timeQueries(queries, reps, async (q) => {
      const r = await archive.search({ query: q.q, filters: q.filters, sort, limit: 20 });
      if (r.error) throw new Error(`${q.q}: ${r.error}`);
      totals[q.q] = r.total;
    });
    const core = await timeQueries(queries, reps, (q) => archive.matchCount({ query: q.q, filters: q.filters, sort }));
    const perQueryMax: Record<string, number> = {};
    queries.forEach((q, i) => (perQueryMax[q.q] = Math.round(full.perQuery[i] * 10) / 10));
    search[sort] = { full: latency(full.all), core: latency(core.all), perQueryMax, totals };
  }
  // What 去重 costs: the same relevance searches with and without it, side by side.
  const dedupe = await timePaired(
    queries,
    reps,
    (q) => archive.search({ query: q.q, filters: q.filters, sort: 'relevance', limit: 20 }),
    (q) => archive.search({ query: q.q, filters: q.filters, sort: 'relevance', limit: 20, dedupe: false }),
  );
  const rssAfterSearchMb = rssMb();
  // Last: a second index in memory would count in the RSS figures.
  const loadIndexMs = timeLoadIndex(dir);
  const out: ColdResult = {
    loadIndexMs: Math.round(loadIndexMs),
    openMs: Math.round(openMs),
    openCpuMs: Math.round(openCpuMs),
    firstAnswerMs: Math.round(firstAnswerMs),
    firstQuery: queries[0].q,
    checkedMs: Math.round(checkedMs),
    load: { start: Math.round(loadStart * 10) / 10, end: Math.round(os.loadavg()[0] * 10) / 10 },
    rssAfterLoadMb,
    heapAfterLoadMb,
    articles: archive.indexedIds().length,
    search,
    relevanceDedupe: latency(dedupe.a),
    relevanceNoDedupe: latency(dedupe.b),
    rssAfterSearchMb,
  };
  await archive.close();
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
