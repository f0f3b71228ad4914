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
import { bandBuckets, CONTAINMENT, MIN_RESEMBLANCE, packSignature, resemblance, shingleHashes, signature, similarity } from '../src/core/text/near-dup';

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
