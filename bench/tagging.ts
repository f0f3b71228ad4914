/**
 * Tagging speed: one bulk action on up to 1,000 real articles (the pages-dev
 * pages, imported into a temp archive), including the index update, then its undo.
 *
 *   node bin/run-ts.mjs bench/tagging.ts [--archive DIR]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Archive } from '../src/core/service';
import { expandPaths } from '../src/core/ingest/sources';

const { values } = parseArgs({ options: { archive: { type: 'string' } } });
const pagesDev = path.resolve('..', 'shared', 'pages-dev');
const dir = values.archive ? path.resolve(values.archive) : fs.mkdtempSync(path.join(os.tmpdir(), 'baoku-tagging-'));
const a = await Archive.open({ dir, autoBackup: false });
if ((await a.stats()).articles === 0) {
  if (!fs.existsSync(pagesDev)) {
    console.log('没有 ../shared/pages-dev，也没有指定 --archive：跳过');
    process.exit(0);
  }
  await a.importSources(expandPaths([pagesDev]).sources, {});
}
const ids = (await a.search({ query: '', limit: 1000 })).hits.map((h) => h.id);
const name = `基准${Date.now()}`;
let t = performance.now();
const r = await a.changeTags({ ids, add: [{ kind: 'topic', name }] });
const tagMs = performance.now() - t;
const found = (await a.search({ query: `主题:${name}`, limit: 1 })).total;
t = performance.now();
await a.undoTagChange({ changeId: r.changeId });
const undoMs = performance.now() - t;
console.log(`给 ${r.articles} 篇加标签（含索引更新）：${tagMs.toFixed(0)} ms；撤销：${undoMs.toFixed(0)} ms；检索 主题:${name} 命中 ${found} 篇`);
await a.close();
