/**
 * The folded texts of the archive's articles, kept in memory: what phrase checks, proximity
 * operators (`近/5`, `同段:`) and the proximity bonus read (`ArticleIndex`). Before, each search read
 * its candidates' rows from SQLite: the phrase `"中央经济工作会议"` has 2,104 candidates (articles
 * holding all its words) at 150k articles, and reading them took ~65 ms of a search; looking in
 * memory takes a few.
 *
 * An article's entry is one text: its kicker, title, subtitle and paragraphs (its continued
 * parts' paragraphs too), each folded (`foldForSearch`) and without white space, joined by `\n`
 * (so no phrase spans two of them); what editors' corrections replaced is kept apart (a phrase is
 * found in it, as the index finds its words; proximity does not read it).
 *
 * A memo of the store, never the truth: entries are read by `fill` (after open, in slices between
 * searches) and by any lookup of an article not yet kept; the index drops an article's entry when it
 * changes or removes the article (`ArticleIndex#upsert`/`remove`), and the next lookup reads it
 * again. At most `maxChars` characters are kept (two bytes each: ~150 MB for the 75M characters
 * of 158k articles); past that, lookups read from the store and keep nothing.
 *
 * Kept as UTF-16 in Buffers, outside V8's heap, and searched there (`Buffer#indexOf` with the
 * phrase encoded once; a match must start on a code unit, `holds`). As strings they made V8's heap
 * 130 MB larger (239 vs 109 MB after open at 150k), and V8 lets garbage grow with the heap before
 * collecting it: the benchmark's RSS after its queries was 1.02–1.39 GB in three runs, against a
 * 1.5 GB limit; 1.00–1.27 GB in two runs with Buffers, at the same speed.
 */

/**
 * Whether UTF-16 text holds the needle's code units: a byte search, so a match at an odd offset
 * (the needle's bytes straddling two code units) is no match, and the search goes on past it.
 */
function holds(text: Buffer, needle: Buffer): boolean {
  if (!needle.length) return true;
  let at = text.indexOf(needle);
  while (at >= 0 && at % 2 === 1) at = text.indexOf(needle, at + 1);
  return at >= 0;
}

/** An article's texts as the store gives them (`store/articles.ts foldedTexts`). */
export interface FoldedText {
  /** Kicker, title, subtitle, paragraphs: folded, white space removed. */
  parts: string[];
  /** What corrections replaced, folded, white space removed (absent when none). */
  replaced?: string;
}

/**
 * Reads the texts of `ids` from the store (the ids it has; others are left out). `check`, when
 * given, is a search's budget (`budget.ts`): called before every CHECK_EVERY articles looked at,
 * kept or not, it throws to stop a search whose client left or whose time is up.
 */
export type ReadTexts = ((ids: number[]) => Map<number, FoldedText>) & { check?: () => void };

/** Articles looked at between two calls of a search's budget check. */
const CHECK_EVERY = 1000;

/** 160M characters, ~320 MB: twice what 150k articles need. */
export const DEFAULT_MAX_CHARS = 160_000_000;

export class FoldedTexts {
  private readonly joined = new Map<number, Buffer>();
  private readonly replaced = new Map<number, Buffer>();
  private chars = 0;

  constructor(private readonly maxChars = DEFAULT_MAX_CHARS) {}

  /** Articles kept. */
  get size(): number {
    return this.joined.size;
  }

  /** Which of `ids` hold `phrase` (folded, without white space) in one of their texts or in what a correction replaced. */
  holders(ids: number[], phrase: string, read: ReadTexts): Set<number> {
    const found = new Set<number>();
    // The phrase's code units encoded once: a string needle is encoded again at every call, which
    // made the search three times slower (~3.4 against ~1.2 ns a character on news text).
    const needle = Buffer.from(phrase, 'utf16le');
    this.each(ids, read, (id, text, replaced) => {
      if (holds(text, needle) || (replaced !== undefined && holds(replaced, needle))) found.add(id);
    });
    return found;
  }

  /** The texts of `ids` (kicker, title, subtitle, paragraphs), for proximity. */
  parts(ids: number[], read: ReadTexts): Map<number, string[]> {
    const out = new Map<number, string[]>();
    this.each(ids, read, (id, text) => out.set(id, text.toString('utf16le').split('\n')));
    return out;
  }

  /** The article changed or is gone: its entry is read again when next asked for. */
  forget(id: number): void {
    const text = this.joined.get(id);
    if (text === undefined) return;
    this.chars -= (text.length + (this.replaced.get(id)?.length ?? 0)) / 2;
    this.joined.delete(id);
    this.replaced.delete(id);
  }

  /** Read and keep those of `ids` not kept yet; false once no more may be kept. */
  fill(ids: number[], read: ReadTexts): boolean {
    const missing = ids.filter((id) => !this.joined.has(id));
    if (missing.length) for (const [id, t] of read(missing)) this.keep(id, t);
    return this.chars < this.maxChars;
  }

  private each(ids: number[], read: ReadTexts, fn: (id: number, text: Buffer, replaced: Buffer | undefined) => void): void {
    let missing: number[] | undefined;
    for (let i = 0; i < ids.length; i++) {
      if (i % CHECK_EVERY === 0) read.check?.();
      const id = ids[i];
      const text = this.joined.get(id);
      if (text === undefined) (missing ??= []).push(id);
      else fn(id, text, this.replaced.get(id));
    }
    if (!missing) return;
    for (const [id, t] of read(missing)) {
      const { text, replaced } = this.keep(id, t);
      fn(id, text, replaced);
    }
  }

  /** The article's texts as kept (or as they would be, when the memo is full). */
  private keep(id: number, t: FoldedText): { text: Buffer; replaced?: Buffer } {
    const text = Buffer.from(t.parts.join('\n'), 'utf16le');
    const replaced = t.replaced ? Buffer.from(t.replaced, 'utf16le') : undefined;
    const size = (text.length + (replaced?.length ?? 0)) / 2;
    if (this.chars + size > this.maxChars) return { text, replaced };
    this.forget(id);
    this.joined.set(id, text);
    if (replaced) this.replaced.set(id, replaced);
    this.chars += size;
    return { text, replaced };
  }
}
