/**
 * Near-duplicate detection: MinHash over word shingles, with LSH bands
 * (Broder 1997, "On the resemblance and containment of documents"; the
 * banding of Indyk & Motwani as in Leskovec, Rajaraman & Ullman, *Mining of
 * Massive Datasets*, ch. 3).
 *
 * - Shingles: every run of SHINGLE consecutive tokens of an article's body,
 *   the tokens being the search index's own jieba tokens of the body
 *   (`tokenizeForIndex`, so an article is segmented once at import), each
 *   shingle hashed to 32 bits (FNV-1a). Titles are left out: a retitled copy
 *   is still the same story.
 * - Signature: NUM_HASHES minimum values of the shingle hashes under as many
 *   fixed pseudo-random permutations of 32-bit integers (an odd multiplier
 *   and an addend from a seeded PRNG, then a murmur finaliser), so the same
 *   text gives the same signature on every machine and in every run. Stored
 *   as the low 16 bits of each value (b-bit MinHash, Li & König 2010): the
 *   fraction of equal positions estimates the Jaccard resemblance J of the
 *   two shingle sets (a 1/65536 chance of a chance collision per position).
 * - LSH: BANDS bands of ROWS stored values (the first BANDS × ROWS of the
 *   NUM_HASHES; the estimates below use all of them); two articles that agree
 *   on all values of any one band are candidates. With 16 × 3 an article pair
 *   is a candidate with probability 1 − (1 − J³)¹⁶: 0.65 at J = 0.4, 0.88 at
 *   0.5, 0.98 at 0.6, 1.00 from 0.8; unrelated articles (J ≈ 0.01) almost
 *   never. 32 bands until migration 10 (0.99 at J = 0.5): every bucket is a
 *   row written at import, and 32 of them per article made storing them a
 *   quarter of the time of an import into a 150k archive. The pairs the decision
 *   below accepts in the measured windows all have J ≥ 0.96, and 16 × 3 finds
 *   every one of them and every labelled pair that 32 × 3 found
 *   (`bench/near-dup-eval.ts`, its table of layouts); what it gives up is a
 *   share of the copies with J between 0.5 and 0.6 (trimmed to about half).
 *   Two rows a band would keep more of those, but makes ~10 times the
 *   candidates to judge. Changing BANDS or ROWS needs a migration that
 *   rewrites the stored buckets (store/near-dups.ts).
 * - Decision: a trimmed copy has a low J against the full story, so
 *   candidates are judged by their estimated containment, the share of the
 *   shorter article's shingles found in the longer one:
 *   C = J·(|A| + |B|) / ((1 + J)·min(|A|, |B|)), C ≥ CONTAINMENT, and by
 *   J ≥ MIN_RESEMBLANCE: a short item wholly restated inside a longer,
 *   different report (an obituary inside the report of the cremation, a
 *   visit's announcement inside the departure) has a high C but a low J, and
 *   with few shared shingles the C estimate is noisy. Both chosen on
 *   163 hand-labelled pairs (`bench/near-dup-eval.ts`: C ≥ 0.9 and J ≥ 0.5
 *   is the first setting with no false pair there); the cost is that a copy
 *   cut to less than about half of the story is not grouped.
 * - Articles with fewer than MIN_SHINGLES shingles (one-line briefs) get no
 *   signature: too little text to tell a copy from a formula.
 */
import { prng } from './prng';

export const SHINGLE = 3;
export const NUM_HASHES = 96;
export const BANDS = 16;
export const ROWS = 3;
export const MIN_SHINGLES = 12;
/** Estimated containment at or above which two articles are near-duplicates… (see bench/near-dup-eval.ts) */
export const CONTAINMENT = 0.9;
/** …provided their estimated resemblance is at least this: a copy keeps at least about half of the story. */
export const MIN_RESEMBLANCE = 0.5;
/** Bump when shingles, hashes or bands change: stored signatures are recomputed. */
export const NEAR_DUP_VERSION = 1;

const SEED = 0x5eed_d0b1;

const MUL = new Uint32Array(NUM_HASHES);
const ADD = new Uint32Array(NUM_HASHES);
{
  const r = prng(SEED);
  for (let i = 0; i < NUM_HASHES; i++) {
    MUL[i] = (Math.floor(r() * 0x1_0000_0000) | 1) >>> 0;
    ADD[i] = Math.floor(r() * 0x1_0000_0000) >>> 0;
  }
}

/** FNV-1a over a string's UTF-16 code units. */
function fnv1a(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's 32-bit finaliser: spreads a multiply-add permutation's bits. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The distinct 32-bit hashes of the SHINGLE-token shingles of `tokens`. */
export function shingleHashes(tokens: readonly string[]): Uint32Array {
  const seen = new Set<number>();
  const tokenHash = tokens.map((t) => fnv1a(t));
  for (let i = 0; i + SHINGLE <= tokenHash.length; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < SHINGLE; k++) h = Math.imul(h ^ tokenHash[i + k], 0x01000193) >>> 0;
    seen.add(fmix(h));
  }
  return Uint32Array.from(seen);
}

export interface Signature {
  /** Distinct shingles in the article. */
  shingles: number;
  /** NUM_HASHES minimum hashes. */
  mins: Uint32Array;
}

/** The MinHash signature of an article's body tokens, or null when it is too short to judge. */
export function signature(tokens: readonly string[]): Signature | null {
  const sh = shingleHashes(tokens);
  if (sh.length < MIN_SHINGLES) return null;
  const mins = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (let j = 0; j < sh.length; j++) {
    const x = sh[j];
    for (let i = 0; i < NUM_HASHES; i++) {
      const v = fmix((Math.imul(x, MUL[i]) + ADD[i]) >>> 0);
      if (v < mins[i]) mins[i] = v;
    }
  }
  return { shingles: sh.length, mins };
}

/** The stored form: the low 16 bits of each minimum (b-bit MinHash), little-endian. */
export function packSignature(sig: Signature): Uint8Array {
  const out = new Uint8Array(NUM_HASHES * 2);
  for (let i = 0; i < NUM_HASHES; i++) {
    out[2 * i] = sig.mins[i] & 0xff;
    out[2 * i + 1] = (sig.mins[i] >>> 8) & 0xff;
  }
  return out;
}

/**
 * The LSH bucket of each band of a stored signature: band number × 2³² + a
 * hash of its ROWS 16-bit values (48 bits, so unequal bands almost never
 * collide). Made from the stored form so that an article's buckets can be
 * recomputed, and deleted exactly, from what the archive holds.
 */
export function bandBuckets(packed: Uint8Array, bands = BANDS, rows = ROWS): number[] {
  const out: number[] = [];
  for (let b = 0; b < bands; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let k = 2 * b * rows; k < 2 * (b + 1) * rows; k++) h = Math.imul(h ^ packed[k], 0x01000193);
    out.push(b * 0x1_0000_0000 + fmix(h >>> 0));
  }
  return out;
}

/** Estimated Jaccard resemblance of two stored signatures (share of equal 16-bit values). */
export function resemblance(a: Uint8Array, b: Uint8Array): number {
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[2 * i] === b[2 * i] && a[2 * i + 1] === b[2 * i + 1]) same++;
  // Correct for the chance agreement of 16-bit values (Li & König): J = (P − c) / (1 − c).
  const c = 1 / 65536;
  return Math.max(0, (same / NUM_HASHES - c) / (1 - c));
}

/** Estimated share of the shorter article's shingles found in the other, from J and the two sizes. */
export function containment(j: number, na: number, nb: number): number {
  const inter = (j * (na + nb)) / (1 + j);
  return Math.min(1, inter / Math.min(na, nb));
}

export interface Signed {
  sig: Uint8Array;
  shingles: number;
}

/** Estimated containment of two stored signatures (with their shingle counts). */
export function similarity(a: Signed, b: Signed): number {
  return containment(resemblance(a.sig, b.sig), a.shingles, b.shingles);
}

/** Whether two signed articles are near-duplicates: containment ≥ CONTAINMENT and resemblance ≥ MIN_RESEMBLANCE. */
export function nearDuplicates(a: Signed, b: Signed, minContainment = CONTAINMENT, minResemblance = MIN_RESEMBLANCE): boolean {
  const j = resemblance(a.sig, b.sig);
  return j >= minResemblance && containment(j, a.shingles, b.shingles) >= minContainment;
}
