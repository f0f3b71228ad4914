/**
 * The victim of the crash tests: opens an archive and changes it for ever —
 * imports pages (new ones and replacements), bulk-tags up to 1,000 articles,
 * undoes tag changes, saves the index — until the parent SIGKILLs it.
 *
 *   node bin/run-ts.mjs test/reliability/crash-child.ts --archive DIR --pages FILE… --seed N --trial T --base-max-id ID
 *
 * It reports each step on stdout as one JSON line, `begin` before the call and
 * `done` after it returned (pipes are synchronous on Linux, so a `done` the
 * parent has read is a committed step). The parent holds it to those reports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Archive } from '../../src/core/service';
import type { ImportSource } from '../../src/core/ingest/sources';
import { seeded, pick, randInt } from './support';
import { storedRow, storedRows } from '../support/sqlite';

export type CrashOp = 'import' | 'replace' | 'tag' | 'undo' | 'save';

export type ChildEvent =
  | { ev: 'ready'; articles: number; notices: string[] }
  | { ev: 'begin'; op: 'import' | 'replace'; file: string; date: string }
  | { ev: 'begin'; op: 'tag'; topic: string; ids: number[] }
  | { ev: 'begin'; op: 'undo'; changeId: number }
  | { ev: 'begin'; op: 'save' }
  | { ev: 'done'; op: 'import' | 'replace'; file: string; status: string; articles: number; ms: number }
  | { ev: 'done'; op: 'tag'; topic: string; changeId: number; articles: number; ms: number }
  | { ev: 'done'; op: 'undo'; changeId: number; ms: number }
  | { ev: 'done'; op: 'save'; ms: number };

const emit = (e: ChildEvent) => fs.writeSync(1, JSON.stringify(e) + '\n');

/** A page as a new source: its own name and date, so it lands as a new page; `cut` drops trailing lines (a new version of the page). */
function variant(file: string, name: string, cut = 0): ImportSource {
  return {
    name,
    read() {
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      const keep = cut ? lines.slice(0, Math.max(1, lines.length - cut)) : lines;
      return Buffer.from(keep.join('\n') + '\n'.repeat(1 + cut), 'utf8');
    },
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      archive: { type: 'string' },
      pages: { type: 'string', multiple: true },
      seed: { type: 'string' },
      trial: { type: 'string' },
      'base-max-id': { type: 'string' },
    },
  });
  const dir = values.archive!;
  const pages = values.pages ?? [];
  const trial = Number(values.trial ?? 0);
  const baseMaxId = Number(values['base-max-id'] ?? 1000);
  const rng = seeded(Number(values.seed ?? 1));
  const notices: string[] = [];
  const a = await Archive.open({ dir, log: (m) => notices.push(m), saveDelayMs: 60_000 });
  emit({ ev: 'ready', articles: (await a.stats()).articles, notices });

  const baseIds = (storedRows(a, 'SELECT id FROM articles WHERE id <= ? ORDER BY id LIMIT 1000', [baseMaxId]) as { id: number }[]).map((r) => r.id);
  const mine: { file: string; name: string; date: string; cut: number }[] = [];
  const ops: [CrashOp, number][] = [
    ['import', 4],
    ['replace', 2],
    ['tag', 3],
    ['undo', 1],
    ['save', 2],
  ];
  const total = ops.reduce((n, [, w]) => n + w, 0);
  for (let step = 0; ; step++) {
    let r = rng() * total;
    const op = ops.find(([, w]) => (r -= w) < 0)![0];
    const t0 = performance.now();
    const ms = () => Math.round(performance.now() - t0);
    if (op === 'import' || (op === 'replace' && !mine.length)) {
      const file = pick(rng, pages);
      const date = `20${String(10 + (trial % 80)).padStart(2, '0')}-${String(randInt(rng, 1, 12)).padStart(2, '0')}-${String(randInt(rng, 1, 28)).padStart(2, '0')}`;
      const name = `crash-t${trial}-s${step}-${path.basename(file)}`;
      mine.push({ file, name, date, cut: 0 });
      emit({ ev: 'begin', op: 'import', file: name, date });
      const [rep] = await a.importSources([variant(file, name)], { date });
      emit({ ev: 'done', op: 'import', file: name, status: rep.status, articles: rep.articles, ms: ms() });
    } else if (op === 'replace') {
      const m = pick(rng, mine);
      m.cut += randInt(rng, 1, 6);
      emit({ ev: 'begin', op: 'replace', file: m.name, date: m.date });
      const [rep] = await a.importSources([variant(m.file, m.name, m.cut)], { date: m.date });
      emit({ ev: 'done', op: 'replace', file: m.name, status: rep.status, articles: rep.articles, ms: ms() });
    } else if (op === 'tag') {
      const topic = `崩溃测试${trial}之${step}`;
      const ids = rng() < 0.5 ? baseIds : baseIds.filter(() => rng() < 0.3);
      emit({ ev: 'begin', op: 'tag', topic, ids });
      const out = await a.changeTags({ ids, add: [{ kind: 'topic', name: topic }] });
      emit({ ev: 'done', op: 'tag', topic, changeId: out.changeId, articles: out.articles, ms: ms() });
    } else if (op === 'undo') {
      const row = storedRow(a, 'SELECT id FROM tag_changes WHERE undone = 0 ORDER BY id DESC LIMIT 1 OFFSET ?', [randInt(rng, 0, 3)]) as
        | { id: number }
        | undefined;
      if (!row) continue;
      emit({ ev: 'begin', op: 'undo', changeId: row.id });
      await a.undoTagChange({ changeId: row.id });
      emit({ ev: 'done', op: 'undo', changeId: row.id, ms: ms() });
    } else {
      emit({ ev: 'begin', op: 'save' });
      a.saveIndexNow();
      emit({ ev: 'done', op: 'save', ms: ms() });
    }
  }
}

void main().catch((err) => {
  process.stderr.write(`crash-child failed: ${(err as Error).stack}\n`);
  process.exit(3);
});
