/**
 * Cost of the 繁简 fold (issue 18): import an archive of N corpus items as
 * written (simplified) or converted to traditional characters (OpenCC
 * cn→hk, so every article is converted back at import), then measure the
 * import (end to end, index saved), the index files on disk, and search
 * latency for bench/queries.json in a fresh process (bench/cold.ts).
 *
 *   node bin/run-ts.mjs bench/fanjian.ts --size 1000 --script simplified|traditional [--reps 2]
 *
 * Prints one JSON line. Pages are cached under .bench-data (bench/corpus.ts);
 * the traditional copy beside them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Converter } from 'opencc-js';
import { Archive } from '../src/core/service';
import { expandPaths } from '../src/core/ingest/sources';
import { INDEX_FILES } from '../src/core/search/persist';
import { ensurePages } from './corpus';
import { cpuMs, fileSize, now } from './measure';
import type { ColdResult } from './cold';

const ROOT = process.cwd();
const DATA = path.join(ROOT, '.bench-data');

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
}

const size = Number(arg('size', '1000'));
const script = arg('script', 'simplified');
const reps = Number(arg('reps', '2'));
const log = (m: string) => process.stderr.write(`${m}\n`);

/** The pages as written, or a traditional copy of them. */
function pagesDir(): string {
  const pages = ensurePages(DATA, size, 1, log);
  if (script === 'simplified') return pages.dir;
  const dir = `${pages.dir}-traditional`;
  if (!fs.existsSync(path.join(dir, 'done'))) {
    const toHk = Converter({ from: 'cn', to: 'hk' });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const f of pages.files) {
      const to = path.join(dir, path.relative(pages.dir, f));
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.writeFileSync(to, toHk(fs.readFileSync(f, 'utf8')));
    }
    fs.writeFileSync(path.join(dir, 'done'), '');
  }
  return dir;
}

async function main(): Promise<void> {
  const src = pagesDir();
  const dir = path.join(DATA, `fanjian-${script}-${size}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const sources = expandPaths([src]).sources;
  const archive = await Archive.open({ dir, autoBackup: false });
  const t = now();
  const c = cpuMs();
  await archive.importSources(sources, { paper: '新闻联播报' });
  await archive.close();
  const importMs = Math.round(now() - t);
  const importCpuMs = Math.round(cpuMs() - c);
  const indexBytes = INDEX_FILES.reduce((n, f) => n + fileSize(path.join(dir, f)), 0);
  const out = execFileSync(process.execPath, ['--expose-gc', path.join(ROOT, 'bin', 'run-ts.mjs'), path.join(ROOT, 'bench', 'cold.ts'), dir, String(reps)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const cold = JSON.parse(out.trim().split('\n').pop()!) as ColdResult;
  const rel = cold.search.relevance.full;
  console.log(
    JSON.stringify({
      size,
      script,
      articles: cold.articles,
      importMs,
      importCpuMs,
      indexBytes,
      openMs: Math.round(cold.openMs),
      relevance: { p50: rel.p50, p95: rel.p95, max: rel.max },
      totals: cold.search.relevance.totals,
    }),
  );
}

void main();
