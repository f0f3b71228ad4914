/**
 * Small measuring helpers for the benchmark: timers, percentiles, memory,
 * folder sizes, progress lines and the query set.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SearchFilters } from '../src/shared/api';

export interface BenchQuery {
  kind: string;
  q: string;
  filters?: SearchFilters;
}

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function loadQueries(file = path.resolve(process.cwd(), 'bench', 'queries.json')): BenchQuery[] {
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { queries: BenchQuery[] }).queries;
}

export function now(): number {
  return performance.now();
}

/** Nearest-rank percentile of unsorted samples (ms). */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[rank];
}

export function latency(samples: number[]): Latency {
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    n: samples.length,
    p50: r(percentile(samples, 50)),
    p95: r(percentile(samples, 95)),
    p99: r(percentile(samples, 99)),
    max: r(Math.max(...samples)),
    mean: r(samples.reduce((a, b) => a + b, 0) / (samples.length || 1)),
  };
}

/** Run `fn` for every query `reps` times after one warm-up pass; latencies in ms. */
export async function timeQueries<T>(queries: T[], reps: number, fn: (q: T) => unknown): Promise<{ all: number[]; perQuery: number[] }> {
  for (const q of queries) await fn(q);
  const all: number[] = [];
  const perQuery: number[] = queries.map(() => 0);
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < queries.length; i++) {
      const t = now();
      await fn(queries[i]);
      const dt = now() - t;
      all.push(dt);
      perQuery[i] = Math.max(perQuery[i], dt);
    }
  }
  return { all, perQuery };
}

/**
 * Two ways of running the same queries, timed side by side: after a warm-up of both, each
 * query runs both ways in every round, in alternating order, so a change in the machine's
 * load or a warmer cache falls on both alike (timing one after the other compared a cold
 * first pass with a warm second one).
 */
export async function timePaired<T>(queries: T[], reps: number, a: (q: T) => unknown, b: (q: T) => unknown): Promise<{ a: number[]; b: number[] }> {
  for (const q of queries) {
    await a(q);
    await b(q);
  }
  const out = { a: [] as number[], b: [] as number[] };
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < queries.length; i++) {
      const order = (r + i) % 2 ? (['b', 'a'] as const) : (['a', 'b'] as const);
      for (const which of order) {
        const t = now();
        await (which === 'a' ? a : b)(queries[i]);
        out[which].push(now() - t);
      }
    }
  }
  return out;
}

/** This process's CPU time (user + system) in ms: less sensitive than wall time to other load on the machine. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

export function rssMb(): number {
  return mb(process.memoryUsage().rss);
}

export function heapMb(): number {
  return mb(process.memoryUsage().heapUsed);
}

/** Force a full GC when node runs with --expose-gc (more stable memory figures). */
export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

export function dirSize(dir: string): number {
  let n = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    n += e.isDirectory() ? dirSize(p) : fileSize(p);
  }
  return n;
}

/** Prints `label done/total (pct) 已用 N 秒，还需约 M 秒` at most every `everyMs`. */
export function progress(label: string, total: number, everyMs = 5000): (done: number) => void {
  const t0 = now();
  let last = t0;
  return (done: number) => {
    const t = now();
    if (t - last < everyMs && done < total) return;
    last = t;
    const s = (t - t0) / 1000;
    const eta = done ? ((total - done) * s) / done : 0;
    process.stderr.write(`  … ${label} ${done}/${total} (${Math.round((done / total) * 100)}%) 已用 ${s.toFixed(0)} 秒，还需约 ${eta.toFixed(0)} 秒\n`);
  };
}
