/**
 * The search fold, shared by the index (core) and the reader's highlighting
 * (renderer): NFKC (widths: `１２` → `12`, `，` → `,`), lower case, and
 * traditional characters to simplified (`臺灣` → `台湾`, `香港特別行政區` →
 * `香港特别行政区`, `頭髮` → `头发`), so a query in either script finds text
 * in both. Documents are folded at index time, queries at query time.
 *
 * 繁→简 is OpenCC's `hk2s` (opencc-js, OpenCC's own tables): Hong Kong
 * variants to OpenCC standard (`綫` → `線`, `衞` → `衛`), then phrases
 * (TSPhrases, longest match: `乾淨` → `干净` but `乾隆` stays) and
 * characters (TSCharacters). `hk2s` rather than `tw2s`: Taiwan's variant
 * table turns `著` into `着` outside its phrases, which would change
 * simplified text (`著名`); `hk2s` leaves simplified text as it is, and
 * converts Taiwan text as well (`臺灣`, `裡面`, `甚麼`).
 *
 * Offsets: every entry of those tables maps N code points to N code points
 * (`lengthPreserving()`, checked by the tests), so the k-th code point of the
 * converted text comes from the k-th of the source and highlights land on
 * the original characters. Should a conversion ever change the number of
 * code points (a future table), the Han run it happened in is converted one
 * character at a time instead, where the map is exact by construction.
 *
 * Only what is traditional is converted. Text without a character the
 * conversion changes on its own (`triggerCharacters()`) is left as it is: a simplified
 * archive costs one regular-expression test per text. In a text that has
 * such characters, only OpenCC's segments (its phrase segmentation) holding
 * one are converted. So the ~100 OpenCC phrases made only of characters
 * that are also simplified (`沈思` → `沉思`, `覆信` → `复信`, `反覆` →
 * `反复`) never rewrite simplified text: a name like `沈思远` or `颠覆信任`
 * folds the same in a query, in a simplified article and in a traditional
 * one. (Plain OpenCC would turn `颠覆信任` into `颠复信任`, and the query
 * `颠覆` would miss it.)
 */
import { Converter, Locale, Trie } from 'opencc-js/t2cn';

interface Config {
  normalizationChain?: (string | [string, string][])[][];
  segmentation: string | string[];
  conversionChain: (string | [string, string][])[][];
}

function entries(dict: string | [string, string][]): [string, string][] {
  return typeof dict === 'string' ? (dict ? dict.split('|').map((e) => e.split(' ') as [string, string]) : []) : dict;
}

const config = (Locale.configs as unknown as Record<string, Config>).hk2s;
/** The chain of table groups (normalisation, HK variants, then phrases and characters), each a list of tables. */
const groups = () => [...(config.normalizationChain ?? []), ...config.conversionChain].map((g) => g.map(entries));

let conversion: { convert: (s: string) => string; segmenter: Trie } | undefined;
/** OpenCC's converter and its segmentation (longest match in its phrase table), built on first use (~0.2 s). */
function converter(): { convert: (s: string) => string; segmenter: Trie } {
  if (!conversion) {
    const segmenter = new Trie();
    for (const d of [config.segmentation].flat()) segmenter.loadDict(d);
    conversion = { convert: Converter({ from: 'hk', to: 'cn' }), segmenter };
  }
  return conversion;
}

/** Whether every table entry keeps the number of code points (true for OpenCC 1.4's tables). */
export function lengthPreserving(): boolean {
  return groups().every((g) => g.every((d) => d.every(([k, v]) => [...k].length === [...v].length)));
}

/**
 * The characters the conversion changes on their own, by code point: one
 * character through the chain of groups, where in each group the first
 * table with that character as a whole entry decides (as in OpenCC, whose
 * trie lets a group's earlier tables override its later ones).
 */
export function triggerCharacters(): Set<string> {
  const chain = groups().map((g) => {
    const m = new Map<string, string>();
    for (const d of [...g].reverse()) for (const [k, v] of d) if ([...k].length === 1) m.set(k, v);
    return m;
  });
  const out = new Set<string>();
  for (const m of chain) {
    for (const c of m.keys()) {
      let x = c;
      for (const step of chain) x = step.get(x) ?? x;
      if (x !== c) out.add(c);
    }
  }
  return out;
}

let bmpTrigger: Uint8Array | undefined;
const astralTrigger = new Set<number>();
/** Trigger characters of the Basic Multilingual Plane by code unit (a table lookup per character: ~10× a regex class this big). */
function triggers(): Uint8Array {
  if (!bmpTrigger) {
    bmpTrigger = new Uint8Array(0x10000);
    for (const c of triggerCharacters()) {
      const cp = c.codePointAt(0)!;
      if (cp < 0x10000) bmpTrigger[cp] = 1;
      else astralTrigger.add(cp);
    }
  }
  return bmpTrigger;
}

/** Whether a text holds characters that fold to another character (traditional, or Hong Kong variants). */
export function hasTraditional(text: string): boolean {
  const bmp = triggers();
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (bmp[u]) return true;
    if (u >= 0xd800 && u < 0xdc00 && astralTrigger.size && astralTrigger.has(text.codePointAt(i)!)) return true;
  }
  return false;
}

/** Traditional to simplified (OpenCC hk2s, segments with a traditional character only); simplified text comes back unchanged. */
export function toSimplified(text: string): string {
  if (!hasTraditional(text)) return text;
  const { convert, segmenter } = converter();
  let out = '';
  for (const seg of segmenter.segment(text)) out += hasTraditional(seg) ? convert(seg) : seg;
  return out;
}

/** Fold for search: NFKC, lower case, traditional → simplified. */
export function foldForSearch(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase());
}

/** A folded text and, for each of its UTF-16 units, the original [start, end) of the code point it came from. */
export interface FoldedText {
  text: string;
  start: number[];
  end: number[];
}

function identity(n: number, plus: number): number[] {
  const a = new Array<number>(n);
  for (let k = 0; k < n; k++) a[k] = k + plus;
  return a;
}

/** NFKC + lower case one code point at a time (a code point may fold to several: `㈱` → `(株)`). */
function foldWidths(original: string): FoldedText {
  // Fast path: most text folds character for character (full-width → half-width keeps lengths).
  const whole = original.normalize('NFKC').toLowerCase();
  if (whole.length === original.length && !/[\ud800-\udfff]/.test(original)) {
    // Only valid when each character folds to exactly one: every character that changed is checked alone.
    let ok = true;
    for (let k = 0; k < original.length && ok; k++) {
      const c = original.charCodeAt(k);
      if (c >= 0x80 && whole.charCodeAt(k) !== c && original[k].normalize('NFKC').toLowerCase() !== whole[k]) ok = false;
    }
    if (ok) return { text: whole, start: identity(whole.length, 0), end: identity(whole.length, 1) };
  }
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  for (const cp of original) {
    const f = cp.normalize('NFKC').toLowerCase();
    text += f;
    for (let k = 0; k < f.length; k++) {
      start.push(i);
      end.push(i + cp.length);
    }
    i += cp.length;
  }
  return { text, start, end };
}

/**
 * Append `converted` to `out`, mapped onto `source` (as many code points)
 * code point by code point; `from` is `source`'s offset in the folded text `f`.
 */
function appendAligned(out: FoldedText, f: FoldedText, from: number, source: string, converted: string): void {
  let s = from;
  const conv = [...converted];
  let j = 0;
  for (const cp of source) {
    const c = conv[j++];
    const st = f.start[s];
    const en = f.end[s + cp.length - 1];
    out.text += c;
    for (let k = 0; k < c.length; k++) {
      out.start.push(st);
      out.end.push(en);
    }
    s += cp.length;
  }
}

function appendSlice(out: FoldedText, f: FoldedText, a: number, b: number): void {
  out.text += f.text.slice(a, b);
  for (let k = a; k < b; k++) {
    out.start.push(f.start[k]);
    out.end.push(f.end[k]);
  }
}

const HAN_RUN = /\p{Script=Han}+/gu;
const cpCount = (s: string) => [...s].length;

/** A run whose conversion changed its length, one code point at a time (every unit a code point yields maps to it). */
function appendPerChar(out: FoldedText, f: FoldedText, from: number, run: string): void {
  let s = from;
  for (const cp of run) {
    const c = toSimplified(cp);
    out.text += c;
    for (let k = 0; k < c.length; k++) {
      out.start.push(f.start[s]);
      out.end.push(f.end[s + cp.length - 1]);
    }
    s += cp.length;
  }
}

/**
 * The search fold of `original` with a map back to it: `text` is
 * `foldForSearch(original)` (NFKC taken per code point when the whole
 * string's NFKC changes lengths; they differ only for combining sequences),
 * and a match at folded [a, b) is original [start[a], end[b - 1]).
 */
export function foldWithOffsets(original: string): FoldedText {
  const f = foldWidths(original);
  if (!hasTraditional(f.text)) return f;
  const whole = toSimplified(f.text);
  const out: FoldedText = { text: '', start: [], end: [] };
  if (cpCount(whole) === cpCount(f.text)) {
    appendAligned(out, f, 0, f.text, whole);
    return out;
  }
  // A table changed a length somewhere: runs of Han text one by one, per character where needed.
  let pos = 0;
  for (const m of f.text.matchAll(HAN_RUN)) {
    const at = m.index ?? 0;
    appendSlice(out, f, pos, at);
    const run = m[0];
    const c = toSimplified(run);
    if (cpCount(c) === cpCount(run)) appendAligned(out, f, at, run, c);
    else appendPerChar(out, f, at, run);
    pos = at + run.length;
  }
  appendSlice(out, f, pos, f.text.length);
  return out;
}

/** Where `term` (folded) occurs in `f`, as original [start, end) offsets; overlapping occurrences skipped. */
export function occurrencesIn(f: FoldedText, term: string): [number, number][] {
  const out: [number, number][] = [];
  if (!term) return out;
  for (let at = f.text.indexOf(term); at >= 0; at = f.text.indexOf(term, at + term.length)) out.push([f.start[at], f.end[at + term.length - 1]]);
  return out;
}
