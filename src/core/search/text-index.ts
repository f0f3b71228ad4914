/**
 * One MiniSearch index whose terms live in a TermStore (term-store.ts), plus
 * the per-document numbers ranking needs, in typed arrays: is the document
 * live, its article id, its field lengths. MiniSearch does the writing
 * (tokenising fields, field lengths and averages, add/discard/replace);
 * ranking.ts reads postings and scores them exactly as MiniSearch does.
 *
 * Documents are numbered by MiniSearch ("short ids"); `pack()` renumbers the
 * live ones densely and merges the overlay into the packed base, so memory
 * stays proportional to the archive, not to its history of re-imports.
 */
import MiniSearch, { type Options } from 'minisearch';
import { TermStore, type PackedTerms } from './term-store';

/** What a saved TextIndex holds (persist.ts writes it to disk). */
export interface PackedIndex {
  documentCount: number;
  fieldIds: Record<string, number>;
  avgFieldLength: number[];
  /** Article id of each document, by (dense) short id. */
  articleIds: Uint32Array;
  /** Field lengths, `fields` numbers per document. */
  fieldLength: Uint32Array;
  terms: PackedTerms;
}

/**
 * MiniSearch with its postings in a TermStore. The fields read and set here are MiniSearch's
 * `protected` ones, so a subclass reaches them with the compiler's check: an upgrade that renames
 * or retypes one fails to build instead of misbehaving (minisearch stays pinned to the version
 * ranking.ts is tested against, test/core/search.test.ts). The one cast is `_index`: a TermStore
 * answers the calls MiniSearch makes on its index (get/set/has/fetch/delete/size) but is not a
 * SearchableMap. The operations that would replace or walk `_index` behind the TermStore's back
 * throw instead of silently losing the packed base: `removeAll()` (use a new TextIndex) and
 * `vacuum()` (`TextIndex.pack()` is the vacuum).
 */
class PackedMiniSearch<T> extends MiniSearch<T> {
  constructor(options: Options<T>, store: TermStore) {
    super({ ...options, autoVacuum: false });
    this._index = store as unknown as MiniSearch<T>['_index'];
  }

  override removeAll(documents?: readonly T[]): void {
    if (documents === undefined) throw new Error('TextIndex: removeAll() would drop the packed postings; make a new TextIndex instead');
    super.removeAll(documents);
  }

  override vacuum(): Promise<void> {
    return Promise.reject(new Error('TextIndex: vacuum() cannot walk a TermStore; pack() is the vacuum'));
  }

  /** The packed base's numbers, set once when it is loaded (before any write). */
  loadCounts(documentCount: number, nextId: number, fieldIds: Record<string, number>, avgFieldLength: number[]): void {
    this._documentCount = documentCount;
    this._nextId = nextId;
    this._fieldIds = fieldIds;
    this._avgFieldLength = avgFieldLength;
  }

  /** Enter one document of the packed base in MiniSearch's own tables. */
  enterDocument(shortId: number, id: number, fieldLengths: number[]): void {
    this._documentIds.set(shortId, id);
    this._idToShortId.set(id, shortId);
    this._fieldLength.set(shortId, fieldLengths);
  }

  shortIdOf(id: number): number | undefined {
    return this._idToShortId.get(id);
  }

  fieldLengthsOf(shortId: number): number[] | undefined {
    return this._fieldLength.get(shortId);
  }

  get nextId(): number {
    return this._nextId;
  }

  get fieldIds(): Readonly<Record<string, number>> {
    return this._fieldIds;
  }

  get avgFieldLength(): number[] {
    return this._avgFieldLength;
  }

  get dirtCount(): number {
    return this._dirtCount;
  }
}

export class TextIndex<T extends { id: number }> {
  private readonly mini: PackedMiniSearch<T>;
  readonly store: TermStore;
  readonly fields: string[];
  /** 1 for a live document, by short id. */
  live = new Uint8Array(1024);
  /** Documents discarded since this index was made (packing makes a new one): while none, every posting is a live document's. */
  dead = 0;
  /** Article id by short id. */
  articleOf = new Uint32Array(1024);
  /** Field lengths by short id × field. */
  fieldLen: Uint32Array;

  /** Short id by article id, -1 for none. */
  private shortOf = new Int32Array(1024).fill(-1);
  /** Documents of the packed base not yet entered in MiniSearch's own tables (see `ensureTables`). */
  private pendingBase = 0;

  constructor(options: Options<T>, packed?: PackedIndex) {
    this.fields = options.fields;
    this.fieldLen = new Uint32Array(1024 * this.fields.length);
    this.store = new TermStore(packed?.terms);
    this.mini = new PackedMiniSearch<T>(options, this.store);
    if (packed) {
      const n = packed.articleIds.length;
      this.grow(n);
      this.mini.loadCounts(packed.documentCount, n, packed.fieldIds, packed.avgFieldLength);
      for (let s = 0; s < n; s++) {
        const id = packed.articleIds[s];
        this.live[s] = 1;
        this.articleOf[s] = id;
        this.setShort(id, s);
      }
      this.fieldLen.set(packed.fieldLength);
      this.pendingBase = n;
    }
  }

  private setShort(id: number, s: number): void {
    if (id >= this.shortOf.length) {
      let cap = this.shortOf.length;
      while (cap <= id) cap *= 2;
      const next = new Int32Array(cap).fill(-1);
      next.set(this.shortOf);
      this.shortOf = next;
    }
    this.shortOf[id] = s;
  }

  /**
   * MiniSearch's document tables (id maps, field lengths) for the packed
   * base, filled on the first write: searching needs only the typed arrays,
   * so a read-only session never builds them (a third of the load time).
   */
  private ensureTables(): void {
    if (!this.pendingBase) return;
    const nf = this.fields.length;
    for (let s = 0; s < this.pendingBase; s++) {
      if (!this.live[s]) continue;
      const lens: number[] = [];
      for (let f = 0; f < nf; f++) lens.push(this.fieldLen[s * nf + f]);
      this.mini.enterDocument(s, this.articleOf[s], lens);
    }
    this.pendingBase = 0;
  }

  /** The MiniSearch instance, with its own tables complete (its `search` is the reference ranking.ts is tested against). */
  get ms(): MiniSearch<T> {
    this.ensureTables();
    return this.mini;
  }

  get documentCount(): number {
    return this.mini.documentCount;
  }

  get avgFieldLength(): number[] {
    return this.mini.avgFieldLength;
  }

  fieldId(field: string): number {
    return this.mini.fieldIds[field];
  }

  has(id: number): boolean {
    const s = id >= 0 && id < this.shortOf.length ? this.shortOf[id] : -1;
    return s >= 0 && this.live[s] === 1;
  }

  private grow(n: number): void {
    if (n <= this.live.length) return;
    let cap = this.live.length;
    while (cap < n) cap *= 2;
    const live = new Uint8Array(cap);
    live.set(this.live);
    const articleOf = new Uint32Array(cap);
    articleOf.set(this.articleOf);
    const fieldLen = new Uint32Array(cap * this.fields.length);
    fieldLen.set(this.fieldLen);
    this.live = live;
    this.articleOf = articleOf;
    this.fieldLen = fieldLen;
  }

  /** Add, or replace a document with the same id. */
  upsert(doc: T): void {
    this.ensureTables();
    if (this.mini.has(doc.id)) this.discard(doc.id);
    this.mini.add(doc);
    const s = this.mini.shortIdOf(doc.id)!;
    this.grow(s + 1);
    this.live[s] = 1;
    this.articleOf[s] = doc.id;
    this.setShort(doc.id, s);
    const lens = this.mini.fieldLengthsOf(s) ?? [];
    const nf = this.fields.length;
    for (let f = 0; f < nf; f++) this.fieldLen[s * nf + f] = lens[f] ?? 0;
  }

  discard(id: number): void {
    if (!this.has(id)) return;
    this.ensureTables();
    const s = this.shortOf[id];
    this.mini.discard(id);
    this.live[s] = 0;
    this.dead++;
    this.shortOf[id] = -1;
  }

  /** Postings added or left dead since the last pack (a measure of how much a pack would reclaim). */
  get dirt(): number {
    return this.store.overlayPostings() + this.mini.dirtCount;
  }

  /** Everything, live documents only, densely renumbered: what is saved, and what the constructor loads. */
  pack(): PackedIndex {
    const m = this.mini;
    const nf = this.fields.length;
    const renumber = new Int32Array(m.nextId).fill(-1);
    const articleIds: number[] = [];
    for (let s = 0; s < m.nextId; s++) {
      if (!this.live[s]) continue;
      renumber[s] = articleIds.length;
      articleIds.push(this.articleOf[s]);
    }
    const fieldLength = new Uint32Array(articleIds.length * nf);
    for (let s = 0; s < m.nextId; s++) {
      const d = renumber[s];
      if (d >= 0) fieldLength.set(this.fieldLen.subarray(s * nf, s * nf + nf), d * nf);
    }
    return {
      documentCount: m.documentCount,
      fieldIds: { ...m.fieldIds },
      avgFieldLength: [...m.avgFieldLength],
      articleIds: Uint32Array.from(articleIds),
      fieldLength,
      terms: this.store.pack(renumber),
    };
  }
}
