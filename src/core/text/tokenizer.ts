/**
 * The tokenizer: how Chinese text becomes index terms and query terms.
 *
 * Documents: fold (NFKC + lower case + traditional → simplified, see
 * src/shared/search-fold.ts: jieba's dictionary is simplified, so it cuts
 * `香港特別行政區` as `香港特别行政区`) → split into runs of Han text and runs
 * of Latin/digits → Han runs go through jieba's search mode (`cutForSearch`,
 * so `淄博高新区` yields `淄博`, `高新`, `新区`, `高新区`…), Latin/digit runs
 * stay whole (`2022`, `5.5%`, `r&d`, `tbd`), and a number directly followed
 * by a unit (`2022年`, `482个`) also yields the joined token. Punctuation and
 * stop words are dropped.
 *
 * Queries: the same folding and splitting, but a query word is reduced to its
 * smallest dictionary pieces (`高新区` → `高新` + `新区`), which every document
 * that contains the word is guaranteed to hold whatever its context.
 */
import { foldForSearch } from './normalize';
import { CN_NUMBER, EXTRA_TERM, analyse, arabicDigits, indexTerms, numberUnit, pieces } from './index-terms';
import { toSimplified } from '../../shared/search-fold';
import { DEFAULT_STOP_WORDS } from './stopwords';
import { insertWords, keywordJieba, queryJieba } from './jieba';

/**
 * Bump when tokenisation changes: persisted indexes are rebuilt.
 * 5: numbers written digit by digit in Chinese (`一九九六`, `一九九○`) also
 *    indexed as Arabic digits (`1996`); a number with `%` also indexed bare.
 * 6: traditional characters folded to simplified (`臺灣` → `台湾`); articles
 *    with traditional text carry TRADITIONAL_MARK (article-index.ts).
 */
export const TOKENIZER_VERSION = 6;


/** The ways a number of three digits or more is written digit by digit in Chinese (`1990` → `一九九〇`, `一九九○`, `一九九零`), for highlighting. */
export function chineseForms(digits: string): string[] {
  if (!/^\d{3,}$/.test(digits)) return [];
  const han = '〇一二三四五六七八九';
  const base = [...digits].map((d) => han[Number(d)]).join('');
  return digits.includes('0') ? [base, base.replace(/〇/g, '○'), base.replace(/〇/g, '零')] : [base];
}

/** Numbers in one form: Chinese digit-by-digit numbers written in Arabic digits (for queries). */
export function foldNumbers(folded: string): string {
  return folded.replace(CN_NUMBER, arabicDigits);
}


let stopWords = new Set<string>(DEFAULT_STOP_WORDS);

/** Replace the stop-word list (an archive's own `stopwords.txt`). */
export function setStopWords(words: Iterable<string>): void {
  stopWords = new Set([...words].map((w) => foldForSearch(w.trim())).filter(Boolean));
  forgetTerms();
}

export function isStopWord(word: string): boolean {
  return stopWords.has(word);
}


/**
 * The last texts tokenized for the index, with their terms: near-duplicate
 * detection (text/near-dup.ts) reads an article's body terms right after the
 * index did, without segmenting the text again; and an import segments the
 * bodies of a page it has parsed ahead of storing it (`ImportService.importSources`, core/services/import-service.ts),
 * so the slice that stores and indexes the page, which a search waits for,
 * finds them here. Emptied whenever the dictionary or the stop words change
 * (the index then segments again, with the new words). Callers must not
 * modify the arrays.
 */
const recent = new Map<string, string[]>();
/** Bodies kept: a page's articles, of a few imports at once. */
const RECENT = 64;
/** Only texts this long are kept (bodies; not the short names and tags tokenized in between). */
const RECENT_MIN_CHARS = 64;

/** Bumped whenever the dictionary or the stop words change: terms segmented before are stale. */
let epoch = 0;

/** Index terms of a document field (the same array for the same text while it is recent). */
export function tokenizeForIndex(text: string): string[] {
  if (!text) return [];
  const hit = recent.get(text);
  if (hit) return hit;
  const jieba = queryJieba();
  const han = (run: string, push: (w: string) => void) => {
    for (const w of jieba.cutForSearch(run, true)) if (!stopWords.has(w)) push(w);
  };
  const out = indexTerms(analyse(text), (t, kind) => (kind === 'word' && stopWords.has(t) ? undefined : t), han);
  if (text.length < RECENT_MIN_CHARS) return out;
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value as string);
  recent.set(text, out);
  return out;
}

export { EXTRA_TERM };

/**
 * Segments whole texts as the index does (index-terms.ts, jieba's search mode), answering with the
 * terms of consecutive shares of the texts, in order: in a share, text i has `counts[i]` terms, one
 * after another in `ids`, each the number its thread gave the term (`EXTRA_TERM` added for an extra
 * term); `vocab` holds the terms that thread had not met before, numbered on from `first`. Stop
 * words are not left out there. `segment-pool.ts` does it in threads.
 */
export type CutTexts = (texts: string[]) => Promise<{ thread: number; first: number; vocab: string[]; ids: Uint32Array; counts: Uint32Array }[]>;

/**
 * Segments texts ahead (`cut`, in other threads: folding, splitting and jieba all happen there) for
 * one index builder: each text's index terms, exactly those of `tokenizeForIndex`, as the numbers
 * `intern` gives them (a rebuild's builder numbers its terms: search/packed-builder.ts). Each
 * thread's term is looked up in `intern` once, when the thread first names it; afterwards its number
 * is read from a table, and stop words are left out here (the list may change during a rebuild).
 */
export class AheadSegmenter {
  /** Per thread: its terms by the thread's numbers, each one's term number, and whether it is a stop word. */
  private readonly words: string[][] = [];
  private readonly numbers: Int32Array[] = [];
  private readonly stops: Uint8Array[] = [];
  /** The dictionary and stop words the table was made under. */
  private epoch = epoch;

  constructor(
    private readonly cut: CutTexts,
    private readonly intern: (term: string) => number,
  ) {}

  /** Null when the dictionary or the stop words changed meanwhile (the terms may be stale: segment again). */
  async segment(texts: Iterable<string>): Promise<Map<string, number[]> | null> {
    const started = epoch;
    const list: string[] = [];
    const seen = new Set<string>();
    for (const text of texts) {
      if (!text || seen.has(text)) continue;
      seen.add(text);
      list.push(text);
    }
    const shares = await this.cut(list);
    // The threads' new terms are numbered even when this batch is refused: the next answers count on them.
    for (const s of shares) this.learn(s.thread, s.first, s.vocab);
    if (epoch !== started) return null;
    if (this.epoch !== epoch) this.restop();
    const out = new Map<string, number[]>();
    let k = 0;
    for (const { thread, ids, counts } of shares) {
      const number = this.numbers[thread];
      const stop = this.stops[thread];
      let at = 0;
      for (let t = 0; t < counts.length; t++) {
        const terms: number[] = [];
        for (const end = at + counts[t]; at < end; at++) {
          const id = ids[at];
          if (id >= EXTRA_TERM) terms.push(number[id - EXTRA_TERM]);
          else if (!stop[id]) terms.push(number[id]);
        }
        out.set(list[k++], terms);
      }
    }
    return out;
  }

  private learn(thread: number, first: number, vocab: string[]): void {
    const words = (this.words[thread] ??= []);
    if (first !== words.length) throw new Error(`分词线程的词号不连续：${first} / ${words.length}`);
    let numbers = this.numbers[thread] ?? new Int32Array(1024);
    let stops = this.stops[thread] ?? new Uint8Array(1024);
    if (words.length + vocab.length > numbers.length) {
      const size = Math.max(numbers.length * 2, words.length + vocab.length);
      const more = new Int32Array(size);
      more.set(numbers);
      numbers = more;
      const moreStops = new Uint8Array(size);
      moreStops.set(stops);
      stops = moreStops;
    }
    this.numbers[thread] = numbers;
    this.stops[thread] = stops;
    for (const w of vocab) {
      numbers[words.length] = this.intern(w);
      stops[words.length] = stopWords.has(w) ? 1 : 0;
      words.push(w);
    }
  }

  /** The stop words may have changed: which terms are stop words, again. */
  private restop(): void {
    this.epoch = epoch;
    this.words.forEach((words, t) => words.forEach((w, i) => (this.stops[t][i] = stopWords.has(w) ? 1 : 0)));
  }
}

/** The dictionary or the stop words changed: no text's terms are known any more. */
function forgetTerms(): void {
  recent.clear();
  epoch++;
}

/** Smallest dictionary pieces of one word (`高新区` → [`高新`, `新区`]). */
function minimalPieces(word: string): string[] {
  const jieba = queryJieba();
  const parts = [...new Set(jieba.cutForSearch(word, true))];
  if (parts.length <= 1) return [word];
  const minimal = parts.filter((p) => !parts.some((q) => q !== p && q.length < p.length && p.includes(q)));
  // The pieces must cover the word; otherwise keep the word itself.
  const covered = new Array(word.length).fill(false);
  for (const m of minimal) {
    let from = 0;
    let at: number;
    while ((at = word.indexOf(m, from)) >= 0) {
      for (let k = at; k < at + m.length; k++) covered[k] = true;
      from = at + 1;
    }
  }
  return covered.every(Boolean) ? minimal : [word];
}

/** Query terms for a free-text query word or phrase: all must match. */
export function tokenizeForQuery(text: string): string[] {
  return queryWords(text).flatMap((w) => w.parts).filter((t, i, all) => all.indexOf(t) === i);
}

/**
 * A query word as the user wrote it, segmented: `word` is the jieba word
 * (folded; `世界卫生组织`), `parts` its smallest dictionary pieces (`世界`,
 * `卫生`, `组织`), which every document holding the word is guaranteed to
 * have indexed; `parts` is `[word]` when the word has no smaller pieces.
 */
export interface QueryWord {
  word: string;
  parts: string[];
}

/** The words of a free-text query item (see QueryWord), numbers in one form (`一九九六` → `1996`). */
export function queryWords(text: string): QueryWord[] {
  if (!text) return [];
  const jieba = queryJieba();
  const folded = foldNumbers(foldForSearch(text));
  const words: QueryWord[] = [];
  const push = (word: string, parts: string[]) => {
    if (parts.length && !words.some((w) => w.word === word)) words.push({ word, parts });
  };
  const ps = pieces(folded);
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    if (p.han) {
      for (const w of jieba.cut(p.text, true)) {
        if (stopWords.has(w)) continue;
        push(w, minimalPieces(w).filter((piece) => !stopWords.has(piece)));
      }
    } else if (!stopWords.has(p.text)) {
      const t = numberUnit(p, ps[i + 1], folded) ?? p.text;
      push(t, [t]);
    }
  }
  return words;
}

/** Words inserted into jieba in this process (jieba is one per process and never forgets a word; see core/vocabulary.ts). */
const inserted = new Set<string>();

/** Add words (names from bylines, tag values, editors' terms) to jieba's dictionary, each once per process. Returns how many were new. */
export function addWords(words: Iterable<string>): number {
  const add: string[] = [];
  for (const w of words) {
    const word = w.trim();
    if (word.length >= 2 && /\p{Script=Han}/u.test(word) && !inserted.has(word)) {
      inserted.add(word);
      add.push(word);
    }
  }
  insertWords(add);
  if (add.length) forgetTerms();
  return add.length;
}

/** Top keywords of a text (TF-IDF, jieba `extract`; traditional text read as simplified, as jieba's dictionary is), for 更多相似 and topic suggestions. */
export function keywords(text: string, topN = 10): { word: string; weight: number }[] {
  const jieba = keywordJieba();
  return jieba
    .extract(toSimplified(text), topN * 2)
    .filter((k) => k.word.length >= 2 && !stopWords.has(k.word) && !/^[\d.]+$/.test(k.word))
    .slice(0, topN);
}

const TOPIC_POS = /^(n|nz|vn|nt|an)$/;

/**
 * Topic candidates of a text: nouns jieba weighs high (TF-IDF), and noun
 * compounds that recur in the text (`营商`+`环境` → `营商环境`). Verbs,
 * places and person names are left out: they are not topics. Traditional
 * text is read as simplified (jieba's dictionary is), so its topics are
 * named as the rest of the archive names them.
 */
export function topicCandidates(original: string, topN = 8): { word: string; weight: number }[] {
  const jieba = keywordJieba();
  const text = toSimplified(original);
  const weights = new Map(jieba.extract(text, 60).map((k) => [k.word, k.weight]));
  const tagged = jieba.tag(text);
  const pos = new Map<string, string>();
  for (const t of tagged) if (!pos.has(t.word)) pos.set(t.word, t.tag);
  const scores = new Map<string, number>();
  for (const [w, weight] of weights) {
    if (w.length >= 2 && TOPIC_POS.test(pos.get(w) ?? '') && !stopWords.has(w)) scores.set(w, weight);
  }
  // Noun compounds that recur: weighted like their parts, more for each repetition.
  const compounds = new Map<string, { n: number; w: number }>();
  for (let i = 0; i + 1 < tagged.length; i++) {
    const a = tagged[i];
    const b = tagged[i + 1];
    if (!TOPIC_POS.test(a.tag) || !TOPIC_POS.test(b.tag) || a.word.length < 2 || b.word.length < 2) continue;
    const c = a.word + b.word;
    if (c.length > 6) continue;
    const w = ((weights.get(a.word) ?? 5) + (weights.get(b.word) ?? 5)) / 2;
    const prev = compounds.get(c);
    compounds.set(c, { n: (prev?.n ?? 0) + 1, w });
  }
  for (const [c, { n, w }] of compounds) {
    if (n < 2) continue;
    scores.set(c, Math.max(scores.get(c) ?? 0, w * (1 + 0.25 * Math.min(n, 4))));
  }
  return [...scores.entries()]
    .sort((x, y) => y[1] - x[1])
    .slice(0, topN)
    .map(([word, weight]) => ({ word, weight }));
}
