/**
 * Precision and recall of near-duplicate detection on hand-labelled pairs.
 *
 *   node bin/run-ts.mjs bench/near-dup-eval.ts
 *
 * `bench/near-dup-labels.jsonl`: one pair a line, `{a, b, same, note?}`, keys
 * as in `near-dup-data.ts` (the texts stay in ../shared, never here). `same`
 * is a reader's judgement: the same report (an identical or lightly edited,
 * trimmed or retitled copy) → true; another report on the same subject or in
 * the same formula (a visit announced / the departure / the return; an
 * obituary / the cremation; the n-th 直播 notice; a speech / the report of
 * the meeting) → false. The pairs were drawn without MinHash: every pair of
 * texts of the windows whose exact 3-shingle containment is ≥ 0.5, one in
 * twelve of those in [0.3, 0.5), and pairs with the same headline below 0.3.
 *
 * For each pair: the exact containment, and what import computes (the
 * MinHash estimates of containment C and resemblance J, and whether the
 * pair shares an LSH bucket). A pair is predicted a near-duplicate when it
 * shares a bucket, C ≥ t and J ≥ j.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadDocs } from './near-dup-data';
import { tokenizeForIndex } from '../src/core/text/tokenizer';
import { bandBuckets, BANDS, CONTAINMENT, MIN_RESEMBLANCE, NUM_HASHES, nearDuplicates, ROWS, packSignature, resemblance, shingleHashes, signature, similarity, type Signed } from '../src/core/text/near-dup';

interface Label {
  a: string;
  b: string;
  same: boolean;
  note?: string;
}

const labels = fs
  .readFileSync(path.join(import.meta.dirname, 'near-dup-labels.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Label);
const docs = new Map(loadDocs().map((d) => [d.key, d]));

const rows = labels.map((l) => {
  const [da, db] = [docs.get(l.a), docs.get(l.b)];
  if (!da || !db) throw new Error(`no text for ${l.a} or ${l.b}`);
  const [ta, tb] = [tokenizeForIndex(da.body), tokenizeForIndex(db.body)];
  const [sa, sb] = [new Set(shingleHashes(ta)), new Set(shingleHashes(tb))];
  const inter = [...sa].filter((h) => sb.has(h)).length;
  const exact = inter / Math.max(1, Math.min(sa.size, sb.size));
  const [ga, gb] = [signature(ta), signature(tb)];
  if (!ga || !gb) return { ...l, exact, estimate: 0, j: 0, candidate: false, short: true };
  const [pa, pb] = [packSignature(ga), packSignature(gb)];
  const bucketsA = new Set(bandBuckets(pa));
  const candidate = bandBuckets(pb).some((b) => bucketsA.has(b));
  const estimate = similarity({ sig: pa, shingles: ga.shingles }, { sig: pb, shingles: gb.shingles });
  return { ...l, exact, estimate, j: resemblance(pa, pb), candidate, short: false };
});

const positives = rows.filter((r) => r.same).length;
console.log(`${rows.length} labelled pairs, ${positives} the same report, ${rows.length - positives} not; ${rows.filter((r) => r.short).length} with a text too short to sign`);
console.log('\n  C ≥ t  J ≥ j  predicted  TP  FP  FN  precision  recall   (and an LSH bucket shared)');
let best = { t: 0, j: 0, f1: -1 };
for (const j of [0, 0.2, 0.3, 0.4, 0.5]) {
  for (let t = 0.5; t <= 0.951; t += 0.05) {
    const pred = rows.filter((r) => r.candidate && r.estimate >= t - 1e-9 && r.j >= j);
    const tp = pred.filter((r) => r.same).length;
    const fp = pred.length - tp;
    const fn = positives - tp;
    const p = pred.length ? tp / pred.length : 1;
    const rec = positives ? tp / positives : 1;
    const f1 = p + rec ? (2 * p * rec) / (p + rec) : 0;
    if (f1 > best.f1 + 1e-9) best = { t, j, f1 };
    const mark = Math.abs(t - CONTAINMENT) < 1e-6 && j === MIN_RESEMBLANCE ? '  ← chosen' : '';
    console.log(`  ${t.toFixed(2)}   ${j.toFixed(1)}  ${String(pred.length).padStart(9)}  ${String(tp).padStart(2)}  ${String(fp).padStart(2)}  ${String(fn).padStart(2)}  ${p.toFixed(3).padStart(9)}  ${rec.toFixed(3).padStart(6)}${mark}`);
  }
}
console.log(`\nbest F1 ${best.f1.toFixed(3)} first at C ≥ ${best.t.toFixed(2)}, J ≥ ${best.j}; near-dup.ts uses CONTAINMENT = ${CONTAINMENT}, MIN_RESEMBLANCE = ${MIN_RESEMBLANCE}`);
console.log('\nlabelled pairs with an estimated C ≥ 0.75:');
for (const r of rows.filter((x) => x.estimate >= 0.75).sort((x, y) => y.estimate - x.estimate)) {
  const [da, db] = [docs.get(r.a)!, docs.get(r.b)!];
  console.log(`  ${r.same ? 'same' : 'diff'} C ${r.estimate.toFixed(2)} J ${r.j.toFixed(2)} exact ${r.exact.toFixed(2)} ${r.candidate ? 'LSH' : '   '}  《${da.title.slice(0, 18)}》 / 《${db.title.slice(0, 18)}》${r.note ? `  (${r.note})` : ''}`);
}

// LSH layouts: what fewer bands would miss. Every text of the windows is signed; the reference is every
// pair the decision accepts (C ≥ CONTAINMENT, J ≥ MIN_RESEMBLANCE), found without bands: such a pair
// agrees on at least half of the NUM_HASHES values, so it shares at least one single-value bucket. A
// layout's recall is the share of those pairs that share one of its band buckets (a pair it misses is
// never judged, so never grouped); its candidates are the pairs judged, the work at import.
console.log(`\nLSH layouts on every text of the windows (the reference: the pairs the decision accepts, found by all ${NUM_HASHES} single values)`);
const signed: Signed[] = [];
for (const d of docs.values()) {
  const g = signature(tokenizeForIndex(d.body));
  if (g) signed.push({ sig: packSignature(g), shingles: g.shingles });
}
const pairsSharing = (bucketsOf: (s: Signed) => number[]): Set<number> => {
  const at = new Map<number, number[]>();
  signed.forEach((s, i) => {
    for (const b of new Set(bucketsOf(s))) {
      const list = at.get(b);
      if (list) list.push(i);
      else at.set(b, [i]);
    }
  });
  const out = new Set<number>();
  for (const list of at.values()) for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) out.add(list[x] * signed.length + list[y]);
  return out;
};
const singles = (s: Signed) => Array.from({ length: NUM_HASHES }, (_, i) => i * 0x1_0000 + s.sig[2 * i] + 256 * s.sig[2 * i + 1]);
const accepted = new Set([...pairsSharing(singles)].filter((p) => nearDuplicates(signed[Math.floor(p / signed.length)], signed[p % signed.length])));
console.log(`${signed.length} texts signed, ${accepted.size} pairs accepted by the decision; their J: ${[...accepted].map((p) => resemblance(signed[Math.floor(p / signed.length)].sig, signed[p % signed.length].sig).toFixed(2)).join(" ")}`);
console.log('  bands × rows  P(J=0.5)  P(J=0.6)  P(J=0.8)  accepted found  recall  candidates/text  labelled TP FP FN');
for (const [bands, rows] of [
  [32, 3],
  [24, 3],
  [16, 3],
  [12, 3],
  [8, 3],
  [16, 2],
  [12, 2],
  [8, 2],
  [6, 2],
  [16, 4],
]) {
  const cand = pairsSharing((s) => bandBuckets(s.sig, bands, rows));
  const found = [...accepted].filter((p) => cand.has(p)).length;
  const p = (j: number) => (1 - (1 - j ** rows) ** bands).toFixed(3);
  const lab = labelled(bands, rows);
  const mark = bands === BANDS && rows === ROWS ? '  ← used' : '';
  console.log(
    `  ${String(bands).padStart(5)} × ${rows}   ${p(0.5).padStart(8)}  ${p(0.6).padStart(8)}  ${p(0.8).padStart(8)}  ${String(found).padStart(14)}  ${(found / Math.max(1, accepted.size)).toFixed(3)}  ${((2 * cand.size) / signed.length).toFixed(2).padStart(15)}  ${String(lab.tp).padStart(11)} ${lab.fp} ${lab.fn}${mark}`,
  );
}

/** The labelled pairs predicted near-duplicates with a layout of `bands` × `rows` at the chosen thresholds. */
function labelled(bands: number, rows: number): { tp: number; fp: number; fn: number } {
  let tp = 0;
  let fp = 0;
  for (const l of labels) {
    const [ga, gb] = [signature(tokenizeForIndex(docs.get(l.a)!.body)), signature(tokenizeForIndex(docs.get(l.b)!.body))];
    if (!ga || !gb) continue;
    const [a, b] = [{ sig: packSignature(ga), shingles: ga.shingles }, { sig: packSignature(gb), shingles: gb.shingles }];
    const bucketsA = new Set(bandBuckets(a.sig, bands, rows));
    if (!bandBuckets(b.sig, bands, rows).some((x) => bucketsA.has(x)) || !nearDuplicates(a, b)) continue;
    if (l.same) tp++;
    else fp++;
  }
  return { tp, fp, fn: positives - tp };
}
