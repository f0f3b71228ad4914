/**
 * Load on the HTTP host: many clients searching at once.
 *
 *   node bin/run-ts.mjs bench/load.ts [--archive DIR] [--clients 20] [--requests 200] [--copies 10]
 *
 * The archive is the largest finished one under `.bench-data/` (built by
 * `npm run bench`), or `--archive DIR`; it is snapshotted into a temp folder
 * first (VACUUM INTO + the saved index) so a benchmark writing it meanwhile
 * is not disturbed. Without either, an archive is built from the pages-dev
 * pages replicated `--copies` times with varied dates. Then the real core
 * worker and HTTP host start on 127.0.0.1 (loopback only), and `--clients`
 * concurrent clients send `--requests` searches in all (bench/queries.json),
 * bounded by a 10-minute deadline. Prints throughput, p50/p95/p99 latency
 * and any errors; exit code 1 if any request failed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'libsql';
import { Archive } from '../src/core/service';
import { expandPaths, type ImportSource } from '../src/core/ingest/sources';
import { INDEX_FILES } from '../src/core/search/persist';
import { DB_FILE } from '../src/core/store/db';
import { backupTo } from '../src/core/store/backup';
import { startCoreWorker } from '../src/node/worker-client';
import { startHttpHost } from '../src/node/http-host';
import type { SearchRequest, SearchResponse } from '../src/shared/api';
import { latency, loadQueries } from './measure';

const DEADLINE_MS = 10 * 60_000;
const PAGES_DEV = '/work/shared/pages-dev';

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** The largest `.bench-data/archive-*` whose build finished and whose index was saved. */
function findBenchArchive(): string | undefined {
  const data = path.resolve('.bench-data');
  if (!fs.existsSync(data)) return undefined;
  return fs
    .readdirSync(data)
    .filter((d) => /^archive-\d+/.test(d))
    .map((d) => path.join(data, d))
    .filter((d) => ['bench-complete.json', DB_FILE, ...INDEX_FILES].every((f) => fs.existsSync(path.join(d, f))))
    .sort((a, b) => Number(/archive-(\d+)/.exec(b)![1]) - Number(/archive-(\d+)/.exec(a)![1]))[0];
}

/** A consistent copy of an archive (database snapshot + its saved index) in `to`. */
function snapshot(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  const db = new Database(path.join(from, DB_FILE), { readonly: true } as never);
  try {
    for (const f of INDEX_FILES) fs.copyFileSync(path.join(from, f), path.join(to, f));
    backupTo(db, path.join(to, DB_FILE));
  } finally {
    db.close();
  }
}

/** pages-dev replicated with varied dates (each copy its own bytes, so none is a duplicate). */
async function buildFromPagesDev(dir: string, copies: number): Promise<void> {
  const files = expandPaths([PAGES_DEV]).sources;
  if (!files.length) throw new Error(`no archive under .bench-data/ and no pages in ${PAGES_DEV}`);
  const a = await Archive.open({ dir, autoBackup: false });
  try {
    for (let c = 0; c < copies; c++) {
      const sources: ImportSource[] = files.map((f) => ({
        name: `copy${c}-${path.basename(f.name)}`,
        read: () => Buffer.concat([f.read(), Buffer.from('\n'.repeat(c + 1))]),
      }));
      // Each copy in its own year, so dates and page keys differ.
      await a.importSources(sources, { date: `${1998 + c}-${String(1 + (c % 12)).padStart(2, '0')}-15` });
      process.stdout.write(`built copy ${c + 1}/${copies}: ${(await a.stats()).articles} articles\n`);
    }
  } finally {
    await a.close();
  }
}

async function main() {
  const clients = Number(arg('clients', '20'));
  const total = Number(arg('requests', '200'));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-load-'));
  const archiveDir = path.join(work, 'archive');
  const source = arg('archive') ?? findBenchArchive();
  let t = performance.now();
  if (source) {
    snapshot(source, archiveDir);
    process.stdout.write(`archive: snapshot of ${source} (${((performance.now() - t) / 1000).toFixed(1)} s)\n`);
  } else {
    await buildFromPagesDev(archiveDir, Number(arg('copies', '10')));
    process.stdout.write(`archive: built from pages-dev (${((performance.now() - t) / 1000).toFixed(1)} s)\n`);
  }
  const rendererDir = path.join(work, 'renderer');
  fs.mkdirSync(rendererDir);
  t = performance.now();
  const core = startCoreWorker({ archiveDir, writable: false, log: (m) => process.stdout.write(`core: ${m}\n`) });
  await core.ready;
  const stats = await core.stats();
  process.stdout.write(`core ready in ${((performance.now() - t) / 1000).toFixed(1)} s: ${stats.articles} articles, index ready ${stats.indexReady}\n`);
  const host = await startHttpHost({ api: core, rendererDir, host: '127.0.0.1', port: 0 });
  const queries = loadQueries();
  const latencies: number[] = [];
  const errors: string[] = [];
  let next = 0;
  let hitsSum = 0;
  const deadline = Date.now() + DEADLINE_MS;
  const client = async () => {
    while (next < total && Date.now() < deadline) {
      const i = next++;
      const q = queries[i % queries.length];
      const body: SearchRequest = { query: q.q, filters: q.filters, limit: 20 };
      const t0 = performance.now();
      try {
        const res = await fetch(`${host.url}api/search`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())),
        });
        const json = (await res.json()) as SearchResponse & { code?: string };
        latencies.push(performance.now() - t0);
        if (res.status !== 200 || json.error) errors.push(`${res.status} ${q.q}: ${json.error ?? ''}`);
        else hitsSum += json.total;
      } catch (err) {
        errors.push(`${q.q}: ${(err as Error).message}`);
      }
    }
  };
  // One warm-up request, not counted.
  await fetch(`${host.url}api/search`, { method: 'POST', body: JSON.stringify({ query: '经济' }) });
  t = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  const wall = performance.now() - t;
  const l = latency(latencies);
  process.stdout.write(
    `\n${latencies.length} searches from ${clients} concurrent clients on ${stats.articles} articles in ${(wall / 1000).toFixed(2)} s: ` +
      `${((latencies.length / wall) * 1000).toFixed(1)} req/s; latency p50 ${l.p50.toFixed(0)} ms, p95 ${l.p95.toFixed(0)} ms, ` +
      `p99 ${l.p99.toFixed(0)} ms, max ${l.max.toFixed(0)} ms; errors ${errors.length}; mean total hits ${(hitsSum / Math.max(1, latencies.length)).toFixed(0)}\n`,
  );
  for (const e of errors.slice(0, 10)) process.stdout.write(`  error: ${e}\n`);
  await host.close();
  await core.close();
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(errors.length || latencies.length < total ? 1 : 0);
}

void main();
