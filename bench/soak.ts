/**
 * Soak: mixed friendly and hostile clients against one `baoku serve`.
 *
 *   node bin/run-ts.mjs bench/soak.ts [--minutes 30] [--clients 4] [--pages 40] [--uploads new|replace]
 *
 * Builds a temp archive from the bundled sample and up to `--pages` pages of
 * ../shared/pages-dev (when present), starts the real host as a child process
 * (`node bin/baoku.mjs serve --allow-write --port 0`, 127.0.0.1 only), measures
 * idle search latency, then runs `--clients` loops of a mixed workload for
 * `--minutes` (bounded; at most 60):
 *   ordinary searches (bench/queries.json) · uploads of unique pages · tag
 *   additions, each with its own topic name · aborted uploads (headers +
 *   part of the body, then a reset) · hostile queries (too many phrases, an
 *   oversize read body, a cross-site text/plain write, a foreign Host).
 * At the end: the host must still be running (0 crashes), every tag that was
 * answered 200 and every page whose import job reported it imported must be
 * in the archive, found by its own marker (0 lost writes).
 * `--uploads replace`: each client uploads into its own 25 page slots in turn,
 * so every upload after the first round replaces a page and the archive keeps
 * its size; at the end each slot's last page must be found once by its marker
 * and every page it replaced not at all (default `new`: every upload a new page).
 * The p95 of ordinary searches under load is reported next to idle, measured
 * before the load and again after it (the uploads make the archive several
 * times larger, so a search costs more at the end with no load at all:
 * `p95Ratio` is against the larger of the two idle figures, `p95RatioToStart`
 * against the first). Server-Timing splits the loaded searches' time into the
 * core's own work and the wait before it (`loadedParts`); `machine` gives the load
 * average when the load began and ended (the machine may be shared).
 * Exit code 1 when the host died, a write was lost or an ordinary request failed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Archive } from '../src/core/service';
import { expandPaths } from '../src/core/ingest/sources';
import { withConnection } from '../src/core/store/db';
import { latency, loadQueries } from './measure';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PAGES_DEV = path.resolve(REPO, '..', 'shared', 'pages-dev');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const minutes = Math.min(60, Math.max(0.1, Number(arg('minutes', '30'))));
const clients = Math.min(16, Math.max(1, Number(arg('clients', '4'))));
const maxPages = Math.min(500, Number(arg('pages', '40')));
const replaceUploads = arg('uploads', 'new') === 'replace';
/** Page slots per client with `--uploads replace`. */
const SLOTS = 25;

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-soak-'));
const archiveDir = path.join(root, 'archive');

async function buildArchive(): Promise<number[]> {
  const a = await Archive.open({ dir: archiveDir, autoBackup: false });
  try {
    const paths = [path.join(REPO, 'resources', 'sample')];
    if (fs.existsSync(PAGES_DEV)) {
      paths.push(
        ...fs
          .readdirSync(PAGES_DEV)
          .filter((f) => f.endsWith('.txt'))
          .sort()
          .slice(0, maxPages)
          .map((f) => path.join(PAGES_DEV, f)),
      );
    }
    await a.importSources(expandPaths(paths).sources, {});
    return withConnection(a.dir, (db) => db.prepare('SELECT id FROM articles ORDER BY id LIMIT 500').all([]) as { id: number }[]).map((r) => r.id);
  } finally {
    await a.close();
  }
}

async function startServe(): Promise<{ port: number; alive: () => boolean; stop: () => Promise<void>; log: () => string }> {
  const child = spawn(process.execPath, [path.join(REPO, 'bin', 'baoku.mjs'), 'serve', '--archive', archiveDir, '--allow-write', '--port', '0'], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const port = await new Promise<number>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`serve did not start:\n${out}`)), 120_000);
    child.stdout.on('data', () => {
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (c) => reject(new Error(`serve exited ${c}:\n${out}`)));
  });
  return {
    port,
    alive: () => child.exitCode === null && child.signalCode === null,
    log: () => out,
    stop: async () => {
      if (child.exitCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

async function main(): Promise<number> {
  console.log(`soak: ${minutes} min, ${clients} clients, archive in ${root}`);
  const loadAtStart = os.loadavg();
  const ids = await buildArchive();
  const queries = loadQueries().map((q) => q.q);
  const sample = fs.readFileSync(path.join(REPO, 'resources', 'sample', '大众日报_2022-01-28_第3版.txt'), 'utf8');
  const host = await startServe();
  const base = `http://127.0.0.1:${host.port}/api/`;
  /** The core's own time per call, by method: what the searches queue behind. */
  const coreByMethod: Record<string, number[]> = {};
  const call = async (method: string, arg: unknown, headers: Record<string, string> = {}) => {
    const r = await fetch(base + method, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(arg), signal: AbortSignal.timeout(120_000) });
    const text = await r.text();
    // Server-Timing: body;dur=…, wait;dur=…, core;dur=…, total;dur=… (src/node/http-host.ts).
    const timing: Record<string, number> = {};
    for (const m of (r.headers.get('server-timing') ?? '').matchAll(/(\w+);dur=([\d.]+)/g)) timing[m[1]] = Number(m[2]);
    if (timing.core !== undefined) (coreByMethod[method] ??= []).push(timing.core);
    return { status: r.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null, timing };
  };
  /** A call for the checks at the end: waits out the host's rate limit (429) instead of counting it as a loss. */
  const patientCall = async (method: string, arg: unknown) => {
    for (;;) {
      const r = await call(method, arg);
      if (r.status !== 429) return r;
      await new Promise((res) => setTimeout(res, 1000));
    }
  };
  const timedSearch = async (q: string) => {
    const t = performance.now();
    const r = await call('search', { query: q, limit: 20 });
    return { ms: performance.now() - t, timing: r.timing, ok: r.status === 200 || (r.status === 400 && typeof r.body?.error === 'string') };
  };

  // Idle: every query twice, one client.
  const idle: number[] = [];
  for (let rep = 0; rep < 2; rep++) for (const q of queries) idle.push((await timedSearch(q)).ms);

  const counts = { searches: 0, searchFailures: 0, tagAdds: 0, imports: 0, aborted: 0, hostile: 0, hostileAccepted: 0, otherFailures: 0 };
  const loaded: number[] = [];
  /** Server-Timing of the loaded searches, by part, and what the client saw beyond the host's total. */
  const parts: Record<string, number[]> = { wait: [], core: [], total: [], client: [] };
  const tagNames: string[] = [];
  const importedMarkers: string[] = [];
  /** `--uploads replace`: the marker of each slot's newest page, and the markers it replaced. */
  const slotMarker = new Map<string, string>();
  const replacedMarkers: string[] = [];
  const until = Date.now() + minutes * 60_000;
  let seq = 0;

  const abortUpload = () =>
    new Promise<void>((resolve) => {
      const sock = net.connect(host.port, '127.0.0.1', () => {
        sock.write(`POST /api/startImport HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{"files":[`);
        setTimeout(() => sock.resetAndDestroy(), 5);
      });
      sock.on('error', () => undefined);
      sock.on('close', () => resolve());
    });

  const hostile = async (): Promise<boolean> => {
    const k = seq % 4;
    if (k === 0) return (await call('search', { query: Array.from({ length: 100 }, (_, i) => `"甲乙${i}"`).join(' OR ') })).status !== 200;
    if (k === 1) return (await call('search', { query: 'x', pad: ' '.repeat(200_000) })).status !== 200;
    if (k === 2) {
      const r = await fetch(base + 'changeTags', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ ids: [ids[0]], add: [{ kind: 'topic', name: 'soak-forged' }] }) });
      await r.text();
      return r.status !== 200;
    }
    const r = await new Promise<number>((resolve) => {
      const sock = net.connect(host.port, '127.0.0.1', () => sock.write(`POST /api/stats HTTP/1.1\r\nHost: rebind.example:${host.port}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`));
      let data = '';
      sock.on('data', (d) => (data += d));
      sock.on('error', () => resolve(0));
      sock.on('close', () => resolve(Number(data.split(' ')[1])));
    });
    return r !== 200;
  };

  // The host allows 2,000 requests per client address per 10 s: stay under it (~140/s in all).
  const pause = clients * 7;
  const uploadsBy = Array.from({ length: clients }, () => 0);
  const worker = async (w: number) => {
    while (Date.now() < until && host.alive()) {
      await new Promise((r) => setTimeout(r, pause));
      const n = seq++;
      const roll = n % 20;
      try {
        if (roll < 12) {
          const r = await timedSearch(queries[n % queries.length]);
          loaded.push(r.ms);
          for (const k of ['wait', 'core', 'total'] as const) if (r.timing[k] !== undefined) parts[k].push(r.timing[k]);
          if (r.timing.total !== undefined) parts.client.push(Math.max(0, r.ms - r.timing.total));
          counts.searches++;
          if (!r.ok) counts.searchFailures++;
        } else if (roll < 15) {
          const name = `soak-${w}-${n}`;
          const r = await call('changeTags', { ids: [ids[n % ids.length]], add: [{ kind: 'topic', name }] });
          if (r.status === 200) {
            tagNames.push(name);
            counts.tagAdds++;
          } else counts.otherFailures++;
        } else if (roll === 15) {
          // Each upload is its own page (paper, date, page), so none replaces another; the client
          // follows its job as the UI does, and the page's marker is looked for at the end.
          // With --uploads replace, a client's slots (its own, so its uploads of a slot never overlap) take turns.
          const slot = replaceUploads ? w * SLOTS + (uploadsBy[w]++ % SLOTS) : n;
          const day = new Date(Date.UTC(2030, 0, 1) + Math.floor(slot / 20) * 86_400_000).toISOString().slice(0, 10);
          const file = `大众日报_${day}_第${(slot % 20) + 1}版.txt`;
          const marker = `soakmark${n}`;
          const text = `${sample}\n\n本报讯 压力测试第 ${n} 号稿件，唯一标记 ${marker}。\n`;
          const r = await call('startImport', { files: [{ name: file, dataBase64: Buffer.from(text).toString('base64') }] });
          if (r.status !== 200) counts.otherFailures++;
          else {
            counts.imports++;
            for (let i = 0; i < 600; i++) {
              const st = await call('importStatus', { jobId: r.body!.jobId });
              if (st.status === 429) {
                await new Promise((res) => setTimeout(res, 200));
                continue;
              }
              if (st.status !== 200) break;
              if (st.body?.state === 'done') {
                const files = (st.body.report as { files: { status: string }[] }).files;
                if (files[0]?.status === 'imported' || (replaceUploads && files[0]?.status === 'replaced')) {
                  if (!replaceUploads) importedMarkers.push(marker);
                  else {
                    const before = slotMarker.get(file);
                    if (before) replacedMarkers.push(before);
                    slotMarker.set(file, marker);
                  }
                } else counts.otherFailures++;
                break;
              }
              if (st.body?.state !== 'running') break;
              await new Promise((res) => setTimeout(res, 100));
            }
          }
        } else if (roll < 18) {
          await abortUpload();
          counts.aborted++;
        } else {
          counts.hostile++;
          if (!(await hostile())) counts.hostileAccepted++;
        }
      } catch {
        counts.otherFailures++;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, w) => worker(w)));
  const crashed = !host.alive();
  const loadAtEnd = os.loadavg();
  // Idle again, on the archive the load has grown: what a search costs with nobody else asking.
  const idleAfter: number[] = [];
  if (!crashed) {
    await new Promise((r) => setTimeout(r, 3000));
    for (let rep = 0; rep < 2; rep++) for (const q of queries) idleAfter.push((await timedSearch(q)).ms);
  }

  let lostTags = 0;
  let lostImports = 0;
  let staleImports = 0;
  if (!crashed) {
    // Every page whose job said 'imported' must be found by its marker, and be counted once.
    for (const marker of [...importedMarkers, ...slotMarker.values()]) {
      const r = await patientCall('search', { query: marker, limit: 5 });
      if (r.status !== 200 || (r.body?.total as number) !== 1) lostImports++;
    }
    // A replaced page must be gone: none of its articles left behind (the newest 2,000 checked).
    for (const marker of replacedMarkers.slice(-2000)) {
      const r = await patientCall('search', { query: marker, limit: 5 });
      if (r.status !== 200 || (r.body?.total as number) !== 0) staleImports++;
    }
    const tags = await patientCall('listTags', { kind: 'topic', prefix: 'soak-', limit: 100_000 });
    if (!Array.isArray(tags.body)) throw new Error(`listTags answered ${tags.status}: ${JSON.stringify(tags.body).slice(0, 300)}`);
    const have = new Set((tags.body as unknown as { name: string }[]).map((t) => t.name));
    lostTags = tagNames.filter((n) => !have.has(n)).length;
    if (have.has('soak-forged')) counts.hostileAccepted++;
  }
  await host.stop();
  const idleL = latency(idle);
  const idleAfterL = latency(idleAfter.length ? idleAfter : [0]);
  const loadL = latency(loaded.length ? loaded : [0]);
  const idleP95 = Math.max(idleL.p95, idleAfterL.p95) || 1;
  const result = {
    minutes,
    clients,
    crashed,
    lostTags,
    lostImports,
    uploads: replaceUploads ? 'replace' : 'new',
    importsChecked: importedMarkers.length + slotMarker.size,
    replacedChecked: Math.min(2000, replacedMarkers.length),
    staleImports,
    ...counts,
    idle: idleL,
    idleAfter: idleAfterL,
    loaded: loadL,
    p95Ratio: Math.round((loadL.p95 / idleP95) * 100) / 100,
    p95RatioToStart: Math.round((loadL.p95 / (idleL.p95 || 1)) * 100) / 100,
    coreByMethod: Object.fromEntries(Object.entries(coreByMethod).map(([k, v]) => [k, { ...latency(v), sumMs: Math.round(v.reduce((a, b) => a + b, 0)) }])),
    loadedParts: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, latency(v.length ? v : [0])])),
    // The machine's load average (1, 5, 15 min) when the load began and ended, over os.cpus() cores:
    // every thread here (this client, the host, its core worker) competes with whatever else runs.
    machine: { cores: os.cpus().length, loadAtStart: loadAtStart.map((x) => Math.round(x * 100) / 100), loadAtEnd: loadAtEnd.map((x) => Math.round(x * 100) / 100) },
  };
  console.log(JSON.stringify(result, null, 2));
  if (crashed) console.log(host.log().slice(-2000));
  fs.rmSync(root, { recursive: true, force: true });
  return crashed || lostTags || lostImports || staleImports || counts.searchFailures || counts.hostileAccepted ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    fs.rmSync(root, { recursive: true, force: true });
    process.exit(2);
  },
);
