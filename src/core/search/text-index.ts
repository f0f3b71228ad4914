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

/** MiniSearch's private fields that this module reads and sets. */
interface Internals {
  _index: unknown;
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, number>;
  _idToShortId: Map<number, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _dirtCount: number;
}

export class TextIndex<T extends { id: number }> {
  private readonly mini: MiniSearch<T>;
  readonly store: TermStore;
  readonly fields: string[];
  /** 1 for a live document, by short id. */
  live = new Uint8Array(1024);
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
    this.mini = new MiniSearch<T>({ ...options, autoVacuum: false });
    this.fieldLen = new Uint32Array(1024 * this.fields.length);
    const m = this.internals;
    if (packed) {
      const n = packed.articleIds.length;
      this.grow(n);
      m._documentCount = packed.documentCount;
      m._nextId = n;
      m._fieldIds = packed.fieldIds;
      m._avgFieldLength = packed.avgFieldLength;
      for (let s = 0; s < n; s++) {
        const id = packed.articleIds[s];
        this.live[s] = 1;
        this.articleOf[s] = id;
        this.setShort(id, s);
      }
      this.fieldLen.set(packed.fieldLength);
      this.pendingBase = n;
      this.store = new TermStore(packed.terms);
    } else {
      this.store = new TermStore();
    }
    m._index = this.store;
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
    const m = this.internals;
    const nf = this.fields.length;
    for (let s = 0; s < this.pendingBase; s++) {
      if (!this.live[s]) continue;
      const id = this.articleOf[s];
      m._documentIds.set(s, id);
      m._idToShortId.set(id, s);
      const lens: number[] = [];
      for (let f = 0; f < nf; f++) lens.push(this.fieldLen[s * nf + f]);
      m._fieldLength.set(s, lens);
    }
    this.pendingBase = 0;
  }

  /** The MiniSearch instance, with its own tables complete (its `search` is the reference ranking.ts is tested against). */
  get ms(): MiniSearch<T> {
    this.ensureTables();
    return this.mini;
  }

  private get internals(): Internals {
    return this.mini as unknown as Internals;
  }

  get documentCount(): number {
    return this.mini.documentCount;
  }

  get avgFieldLength(): number[] {
    return this.internals._avgFieldLength;
  }

  fieldId(field: string): number {
    return this.internals._fieldIds[field];
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
    const m = this.internals;
    const s = m._idToShortId.get(doc.id)!;
    this.grow(s + 1);
    this.live[s] = 1;
    this.articleOf[s] = doc.id;
    this.setShort(doc.id, s);
    const lens = m._fieldLength.get(s) ?? [];
    const nf = this.fields.length;
    for (let f = 0; f < nf; f++) this.fieldLen[s * nf + f] = lens[f] ?? 0;
  }

  discard(id: number): void {
    if (!this.has(id)) return;
    this.ensureTables();
    const s = this.shortOf[id];
    this.mini.discard(id);
    this.live[s] = 0;
    this.shortOf[id] = -1;
  }

  /** Postings added or left dead since the last pack (a measure of how much a pack would reclaim). */
  get dirt(): number {
    return this.store.overlayPostings() + this.internals._dirtCount;
  }

  /** Everything, live documents only, densely renumbered: what is saved, and what the constructor loads. */
  pack(): PackedIndex {
    const m = this.internals;
    const nf = this.fields.length;
    const renumber = new Int32Array(m._nextId).fill(-1);
    const articleIds: number[] = [];
    for (let s = 0; s < m._nextId; s++) {
      if (!this.live[s]) continue;
      renumber[s] = articleIds.length;
      articleIds.push(this.articleOf[s]);
    }
    const fieldLength = new Uint32Array(articleIds.length * nf);
    for (let s = 0; s < m._nextId; s++) {
      const d = renumber[s];
      if (d >= 0) fieldLength.set(this.fieldLen.subarray(s * nf, s * nf + nf), d * nf);
    }
    return {
      documentCount: m._documentCount,
      fieldIds: { ...m._fieldIds },
      avgFieldLength: [...m._avgFieldLength],
      articleIds: Uint32Array.from(articleIds),
      fieldLength,
      terms: this.store.pack(renumber),
    };
  }
}
