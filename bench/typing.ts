/**
 * Search-as-you-type latency in the real UI: Chromium (playwright-core) types
 * queries into the search box of `baoku serve` on a big archive and measures
 * the time from the last keystroke to the results being painted (debounce +
 * HTTP + search + render). Loopback only, bounded: each query once per round.
 *
 *   node bin/run-ts.mjs bench/typing.ts [--archive .bench-data/archive-50000-s1] [--rounds 3]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: { archive: { type: 'string' }, rounds: { type: 'string' }, port: { type: 'string' } },
});
const archive = path.resolve(values.archive ?? '.bench-data/archive-50000-s1');
const rounds = Number(values.rounds ?? 3);
const port = Number(values.port ?? 5299);
if (!fs.existsSync(path.join(archive, 'archive.sqlite'))) {
  console.log(`没有档案库 ${archive}：先运行 npm run bench -- --size 50000 --only search`);
  process.exit(0);
}
const queries = (JSON.parse(fs.readFileSync('bench/queries.json', 'utf8')).queries as { kind: string; q: string }[])
  .filter((q) => q.kind !== 'filter')
  .map((q) => q.q)
  .slice(0, 30);

const host = spawn(process.execPath, ['bin/baoku.mjs', 'serve', '--archive', archive, '--port', String(port)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  host.stdout.on('data', (d: Buffer) => d.toString().includes('报库已启动') && resolve());
  host.on('exit', (c) => reject(new Error(`serve exited ${c}`)));
});

const browser = await chromium.launch({
  executablePath: process.env.BAOKU_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(`http://127.0.0.1:${port}/`);
const box = page.locator('input[aria-label="检索"]');
await box.waitFor();
const times: number[] = [];
const toRequest: number[] = [];
const server: number[] = [];
let sentAt = 0;
page.on('request', (req) => {
  if (req.url().endsWith('/api/search')) sentAt = Date.now();
});
for (let r = 0; r < rounds; r++) {
  for (const q of queries) {
    await box.fill('');
    await page.waitForTimeout(200);
    const chars = [...q];
    await box.pressSequentially(chars.slice(0, -1).join(''), { delay: 40 });
    const last = chars[chars.length - 1];
    const answered = page.waitForResponse(
      (res) => res.url().endsWith('/api/search') && (JSON.parse(res.request().postData() ?? '{}') as { query?: string }).query === q,
      { timeout: 30_000 },
    );
    const t0 = Date.now();
    await box.pressSequentially(last);
    await answered;
    const gotAt = Date.now();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
    times.push(Date.now() - t0);
    toRequest.push(sentAt - t0);
    server.push(gotAt - sentAt);
  }
}
await browser.close();
host.kill('SIGTERM');
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
console.log(`输入到结果显示（${path.basename(archive)}，${times.length} 次，含 50 ms 防抖）：p50 ${pct(times, 50)} ms · p95 ${pct(times, 95)} ms · max ${Math.max(...times)} ms`);
console.log(`  其中 按键→发出请求 p50 ${pct(toRequest, 50)} ms；请求→响应 p50 ${pct(server, 50)} ms · p95 ${pct(server, 95)} ms`);
