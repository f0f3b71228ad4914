/**
 * The corpus lens: news items of `../shared/corpus` (新闻联播 transcripts, 2012–2026) dealt eight to
 * a made-up page in a dev set's layout (1998: headline, blank lines, full-width digits; modern:
 * headline unindented, paragraphs indented with `\u3000\u3000`), and split again. The items are a broadcast's,
 * not a paper's, so the figure is never a measure of reading: it shows what a rule does to text
 * whose words no rule was tuned on — a rule that fires inside long stories (one misread brief that
 * cuts the rest of a story into items) shows up here first. Compare runs with each other.
 *
 *   node bin/run-ts.mjs scripts/eval-corpus-lens.ts [--set 1998|modern] [--slice N] [--items 800] [--verbose]
 *
 * `--slice` picks another sample (every 37th item from the N-th); `--verbose` prints each missed and
 * invented boundary with the text around it.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { explainPage, parsePage } from '../core/ingest';
import { SHARED_DIR, type DevSet } from './dev-sets';

export const CORPUS_FILE = path.join(SHARED_DIR, 'corpus', 'xwlb_items.jsonl.gz');
const PER_PAGE = 8;
const STEP = 37;

const wide = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** Items of one story each, in the set's layout: compilations (快讯, items with inline headlines) and short lines left out. */
function corpusItems(set: DevSet, slice: number, count: number): string[] {
  const rows = zlib.gunzipSync(fs.readFileSync(CORPUS_FILE)).toString('utf8').split('\n');
  const items: string[] = [];
  for (let i = slice; i < rows.length && items.length < count; i += STEP) {
    if (!rows[i]) continue;
    const d = JSON.parse(rows[i]) as { title?: string; text?: string };
    if (!d.title || !d.text || d.title.length > 40 || /快讯|联播|简讯|国际|新闻/.test(d.title)) continue;
    const text = d.text.replace(/^[^：:\n]{0,25}新闻联播[^：:\n]{0,5}[：:]/, '');
    if (text.startsWith('\n')) continue;
    const paras = text.split('\n').map((p) => p.trim()).filter((p) => p && !/^[（(](?:视频|文字)编辑/.test(p));
    if (paras.length === 0 || paras.some((p) => p.length < 20)) continue;
    items.push(set === '1998' ? [wide(d.title), ...paras.map(wide)].join('\n\n') : [d.title, ...paras.map((p) => `\u3000\u3000${p}`)].join('\n'));
  }
  return items;
}

export interface CorpusLensResult {
  gold: number;
  found: number;
  matched: number;
  /** `rule +|-` → [right, wrong]. */
  rules: Map<string, [number, number]>;
  errors: string[];
}

export function evaluateCorpusLens(opts: { set?: DevSet; slice?: number; items?: number; verbose?: boolean } = {}): CorpusLensResult | null {
  if (!fs.existsSync(CORPUS_FILE)) return null;
  const set = opts.set ?? '1998';
  const items = corpusItems(set, opts.slice ?? 0, opts.items ?? 800);
  const sep = set === '1998' ? '\n\n' : '\n';
  const r: CorpusLensResult = { gold: 0, found: 0, matched: 0, rules: new Map(), errors: [] };
  for (let p = 0; p * PER_PAGE < items.length; p++) {
    let text = '';
    const gold: { start: number; end: number }[] = [];
    for (const a of items.slice(p * PER_PAGE, (p + 1) * PER_PAGE)) {
      if (text) text += sep;
      gold.push({ start: text.length, end: text.length + a.length });
      text += a;
    }
    const parsed = parsePage(text, { file: set === '1998' ? '19980101-01.txt' : '20190201-01.txt' });
    r.gold += gold.length;
    r.found += parsed.articles.length;
    for (const a of parsed.articles) if (gold.some((g) => g.start === a.charStart && Math.abs(g.end - (a.charEnd ?? 0)) <= 4)) r.matched++;
    const lineAt = (o: number) => text.slice(0, o).split('\n').length;
    const goldLines = new Set(gold.map((g) => lineAt(g.start)));
    const explained = explainPage(text);
    for (const l of explained.lines) {
      if (!l.decision) continue;
      const right = l.decision.start === goldLines.has(l.line);
      const key = `${l.decision.rule} ${l.decision.start ? '+' : '-'}`;
      const tally = r.rules.get(key) ?? [0, 0];
      tally[right ? 0 : 1]++;
      r.rules.set(key, tally);
      if (opts.verbose && !right) {
        const before = explained.lines.filter((x) => x.line < l.line).pop()?.text.slice(-30) ?? '';
        r.errors.push(`${l.decision.start ? 'invented' : 'missed'} (${l.decision.rule}) page ${p + 1}: …${before} ⏎ ${l.text.slice(0, 40)}`);
      }
    }
  }
  return r;
}

export function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const set = (arg('--set') ?? '1998') as DevSet;
  const r = evaluateCorpusLens({ set, slice: Number(arg('--slice') ?? 0), items: Number(arg('--items') ?? 800), verbose: args.includes('--verbose') });
  if (!r) {
    console.log(`${CORPUS_FILE} not found: skipped.`);
    return;
  }
  const P = r.matched / Math.max(1, r.found);
  const R = r.matched / Math.max(1, r.gold);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`${set} corpus lens, slice ${arg('--slice') ?? 0}: gold ${r.gold}, found ${r.found}, matched ${r.matched}: P ${pct(P)}  R ${pct(R)}  F1 ${pct(P + R === 0 ? 0 : (2 * P * R) / (P + R))}`);
  for (const [rule, [right, wrong]] of [...r.rules].sort((a, b) => b[1][1] - a[1][1])) if (wrong) console.log(`  ${rule.padEnd(48)} right ${right}  wrong ${wrong}`);
  for (const e of r.errors) console.log(`  ${e}`);
}
