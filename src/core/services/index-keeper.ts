/**
 * Index keeping: the search index derived from the store, from the archive's open to its close.
 *
 * One job: the index says what the store says. At open the saved files are loaded when their
 * fingerprint matches this archive (index format, schema, tokenizer, dictionary and stop words,
 * article count, the store's `generation`), else the index is rebuilt from the store (`load`).
 * After every change committed to the store the services call `reindex` (articles) or
 * `reindexTags` (tags only); near-duplicate signatures come from the same tokenizing and are
 * queued, then stored and grouped by `flushNearDups`. When the files are written is the
 * `SaveScheduler`'s business (`search/save-scheduler.ts`): imports and reparses hold it, and
 * `close` writes what is pending. The index is never the source of truth: anything wrong with it
 * means "rebuild from the store".
 *
 * The loaded text index (~170 MB at 150k articles) is checked against its CRCs after the first
 * search, not before (`verifyLoaded`, run by Upkeep after open; half a second at 150k here, most of
 * it the first touch of the file's pages): its write was atomic and fsynced, so only damage on the
 * disk can make it differ, as Lucene leaves whole-file checksums to merges and CheckIndex. A damaged
 * one found then is dropped at once (searches answer nothing, `indexReady` false) and rebuilt, with
 * a notice; nothing is written from it before its check (`writeIndex` finishes the check first).
 */
import os from 'node:os';
import type { Db } from '../store/handle';
import * as store from '../store/articles';
import * as tags from '../store/tags';
import { getMeta } from '../store/meta';
import { INDEXED_SCHEMA } from '../store/db';
import { searchable } from '../store/continuations';
import type { NearDups } from '../store/near-dups';
import { ArticleIndex, articleToDoc, articleToFacts, indexedTexts, type RankingOptions } from '../search/article-index';
import { ArticleIndexBuilder } from '../search/index-builder';
import { saveIndex, loadIndex, cleanTempFiles, INDEX_FORMAT, type Fingerprint, type SectionCheck } from '../search/persist';
import { SaveScheduler } from '../search/save-scheduler';
import { articleSignature } from '../search/dedupe';
import { loadJieba, startSegmentPool } from '../text/jieba';
import { AheadSegmenter, TOKENIZER_VERSION } from '../text/tokenizer';
import { foldForSearch } from '../text/normalize';
import type { Vocabulary } from '../vocabulary';
import type { ArchiveOptions, IndexKeeping } from './context';

/** Below this many articles a rebuild segments on this thread: loading jieba in threads costs more than it saves. */
const POOL_MIN_ARTICLES = 2000;
/** Articles whose texts `fillTexts` reads at a time (~25 ms at 150k articles on this project's 2-core machine). */
const FILL_SLICE = 1000;

type Signatures = Parameters<NearDups['update']>[0];

export class IndexKeeper implements IndexKeeping {
  private current = new ArticleIndex();
  private ready = true;
  /** The loaded text index's CRC check while it is not done (`verifyLoaded`). */
  private unverified?: SectionCheck;
  private notice: (message: string) => void = () => {};
  /** When the index files are written; imports and reparses hold it (`ImportService`). */
  readonly saves: SaveScheduler;

  constructor(
    private readonly db: Db,
    private readonly vocabulary: Vocabulary,
    private readonly nearDups: NearDups,
    private readonly opts: ArchiveOptions & { writable: boolean },
  ) {
    this.saves = new SaveScheduler({
      delayMs: opts.saveDelayMs ?? 2000,
      maxWaitMs: opts.saveMaxWaitMs ?? 20_000,
      save: () => this.writeIndex(),
      onError: (err) => opts.log?.(`检索索引保存失败：${err.message}`),
    });
  }

  /** The current index; a rebuild replaces it, so read it at each use. */
  get index(): ArticleIndex {
    return this.current;
  }

  /** False while a rebuild runs (`stats().indexReady`). */
  get indexReady(): boolean {
    return this.ready;
  }

  /**
   * At open: the saved index when its fingerprint matches the store, else a rebuild from the
   * store (`notice` is told why when there is anything to rebuild).
   */
  async load(notice: (message: string) => void): Promise<void> {
    this.notice = notice;
    cleanTempFiles(this.opts.dir);
    const loaded = loadIndex(this.opts.dir, this.fingerprint(), { deferTextCheck: true });
    if (loaded.index) {
      this.current = loaded.index;
      this.unverified = loaded.textCheck;
      return;
    }
    if (store.articleCount(this.db) > 0) notice(`${loaded.reason}，正在从档案库重建检索索引`);
    await this.rebuildIndex();
  }

  /**
   * After open: the loaded text index checked against its CRCs, in slices, unless `stop()` (the
   * archive closing) or a rebuild replaces it meanwhile; a damaged one is dropped and rebuilt from
   * the store, with a notice.
   */
  async verifyLoaded(stop: () => boolean): Promise<void> {
    const check = this.unverified;
    if (!check) return;
    // Until done, or until a rebuild replaces the loaded index (its check then no longer matters).
    await check.run(() => stop() || this.unverified !== check);
    if (check.done) await this.settle(check);
  }

  /** A finished check: done with it; a damaged index is dropped at once and rebuilt. */
  private async settle(check: SectionCheck): Promise<void> {
    if (this.unverified !== check) return;
    this.unverified = undefined;
    if (!check.damaged) return;
    this.current = new ArticleIndex();
    this.ready = false;
    this.notice('检索索引文件已损坏，正在从档案库重建检索索引');
    await this.rebuildIndex();
  }

  /** What the saved files must match to be loaded instead of rebuilt (`search/persist.ts`). */
  fingerprint(): Fingerprint {
    return {
      format: INDEX_FORMAT,
      schema: INDEXED_SCHEMA,
      tokenizer: TOKENIZER_VERSION,
      dictionary: this.vocabulary.hash(),
      articles: store.articleCount(this.db),
      generation: Number(getMeta(this.db, 'generation') ?? '0'),
    };
  }

  /**
   * Rebuild the whole index from the store, in batches of 1,000 articles, written straight into
   * packed form (search/index-builder.ts). The text is segmented in a pool of threads
   * (`segmentThreads`) one batch ahead: while this thread indexes a batch, the pool cuts the next
   * (`AheadSegmenter`, text/tokenizer.ts: terms as the builder's numbers), and this thread answers
   * calls while it waits. Should the pool fail, or the dictionary change under it, this thread's own
   * jieba segments the rest (the same terms, slower).
   */
  async rebuildIndex(onProgress?: (done: number, total: number) => void): Promise<number> {
    this.unverified = undefined; // the loaded index is being replaced: its check no longer matters
    this.ready = false;
    const fresh = new ArticleIndexBuilder();
    const total = store.articleCount(this.db);
    const threads = this.opts.segmentThreads ?? (total >= POOL_MIN_ARTICLES ? Math.min(2, os.availableParallelism()) : 0);
    let pool = threads > 0 ? startSegmentPool(threads) : null;
    if (!pool) loadJieba(); // bulk segmentation here: this thread's own copy (text/jieba.ts)
    const segmenter = pool ? new AheadSegmenter(pool.cut, fresh.intern) : null;
    let failure: Error | undefined;
    const batches = store.iterateArticles(this.db, 1000, 'index');
    const read = () => {
      const next = batches.next();
      if (next.done) return null;
      const docs = next.value.flatMap((a) => {
        const doc = searchable(a);
        return doc ? [{ a: doc, doc: articleToDoc(doc) }] : [];
      });
      const ahead = pool && segmenter ? segmenter.segment(docs.flatMap((d) => indexedTexts(d.a, d.doc))) : Promise.resolve(null);
      const terms = ahead.catch((err: Error) => {
        failure ??= err;
        return null;
      });
      return { size: next.value.length, docs, terms };
    };
    const writable = this.opts.writable;
    const signed = new Set(writable ? this.nearDups.signedIds() : []);
    let done = 0;
    try {
      // Batches asked of the threads ahead of the one indexed: with the reading, folding and cutting
      // all in the threads, they are the critical path, so they always have the next batch queued.
      const queue = [read(), read(), read()];
      for (let batch = queue.shift(); batch; batch = queue.shift()) {
        const current = batch;
        queue.push(read());
        const terms = await current.terms;
        if (!terms && pool) {
          loadJieba();
          if (failure) {
            this.opts.log?.(`分词线程出错，改在本线程分词：${failure.message}`);
            pool.close();
            pool = null;
          }
        }
        const segmented = terms ?? undefined;
        const sigs: Signatures = [];
        for (const { a, doc } of current.docs) {
          fresh.add(a, segmented, doc);
          // Signatures for articles that have none yet (an upgraded archive), from the terms just indexed.
          if (writable && !signed.has(a.id)) sigs.push({ id: a.id, sig: articleSignature(a, (t) => fresh.words(segmented, t)) });
        }
        this.nearDups.update(sigs, []);
        done += current.size;
        onProgress?.(done, total);
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      pool?.close();
    }
    this.current = fresh.finish();
    this.ready = true;
    this.saveIndexNow();
    return done;
  }

  /** Write the index files now, whatever is pending. */
  saveIndexNow(): void {
    this.writeIndex();
    this.saves.saved();
  }

  private writeIndex(): void {
    // Nothing is written while a rebuild runs (it saves when done; the index it replaces may be the
    // empty one that stands in for a damaged index), nor from a loaded index before its check.
    if (!this.ready) return;
    if (this.unverified) {
      this.unverified.runNow();
      if (this.unverified.damaged) return; // dropped and rebuilt by `verifyLoaded` (or at the next open)
      this.unverified = undefined;
    }
    saveIndex(this.opts.dir, this.current, this.fingerprint());
  }

  reindex(ids: number[], removed: number[] = []): void {
    const gone = [...removed];
    const sigs: Signatures = [];
    for (const id of removed) this.current.remove(id);
    // Read together (two statements per 500, not two per article): a page's articles are re-read in the store-and-index slice of the import.
    const read = new Map(store.getArticles(this.db, ids).map((a) => [a.id, a]));
    for (const id of ids) {
      const a = read.get(id);
      const doc = a && searchable(a);
      if (doc) {
        this.current.upsert(doc);
        // The body's terms come from the index's tokenizing, just done.
        if (this.opts.nearDuplicates !== false) sigs.push({ id, sig: articleSignature(doc) });
      } else {
        this.current.remove(id);
        gone.push(id);
      }
    }
    this.nearDups.queue(sigs, gone); // stored and grouped in batches: `flushNearDups`
    this.saves.changed();
  }

  /** After a tag change: only the tags index and the facts are updated. */
  reindexTags(ids: number[]): void {
    for (const id of ids) this.current.updateTags(id, tags.articleTags(this.db, id));
    this.saves.changed();
  }

  /** Store and group the queued near-duplicate signatures (after an import, a reparse, an edit). */
  flushNearDups(): void {
    this.nearDups.flush();
  }

  /**
   * Near-duplicate rows made consistent with the store (after open: an import cut short, an
   * upgraded archive): signatures for articles without one, rows of articles gone removed.
   */
  syncNearDups(): void {
    if (!this.opts.writable) return;
    const orphans = this.nearDups.orphans();
    const missing = this.nearDups.missing();
    if (!orphans.length && !missing.length) return;
    const sigs: Signatures = [];
    for (const a of store.getArticles(this.db, missing)) {
      const doc = searchable(a);
      if (doc) sigs.push({ id: doc.id, sig: articleSignature(doc) });
    }
    this.nearDups.update(sigs, orphans);
  }

  /**
   * Read every indexed article's folded text into the index's memo (`search/folded-texts.ts`:
   * phrases and proximity then read no rows at search time), FILL_SLICE articles at a time with a
   * turn of the event loop between slices, so a search waits for one slice at most (~25 ms at
   * 150k articles; the whole fill ~4 s there). Stops when `stop()` says so, when the memo is full,
   * or as soon as a rebuild starts replacing the index (the memo would be thrown away with it; the new
   * index's texts are read as searches ask for them), so the two never share the thread.
   */
  async fillTexts(stop: () => boolean): Promise<void> {
    const index = this.current;
    const ids = this.indexedIds();
    const read = (slice: number[]) => store.foldedTexts(this.db, slice, foldForSearch);
    for (let i = 0; i < ids.length && !stop() && this.current === index && this.ready; i += FILL_SLICE) {
      if (!index.texts.fill(ids.slice(i, i + FILL_SLICE), read)) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** The ids of the articles in the index, ascending. */
  indexedIds(): number[] {
    return [...this.current.facts.keys()].sort((a, b) => a - b);
  }

  /**
   * Where the index is not the store's: a searchable article missing from the text index or the facts,
   * facts (date, page, tags…) other than the store's, or another count. The first `limit` problems, in
   * Chinese; none when the index holds exactly the store's articles.
   */
  mismatches(limit = 5): string[] {
    const problems: string[] = [];
    const index = this.current;
    let n = 0;
    for (const batch of store.iterateArticles(this.db, 1000, 'index')) {
      for (const art of batch) {
        const doc = searchable(art);
        if (!doc) continue; // a second part is searched as part of the first
        n++;
        const facts = index.facts.get(doc.id);
        if (!facts || !index.text.has(doc.id)) problems.push(`文章 ${doc.id} 不在索引里`);
        else if (JSON.stringify(facts) !== JSON.stringify(articleToFacts(doc))) problems.push(`文章 ${doc.id} 在索引里的标签或日期过时`);
      }
    }
    if (index.facts.size !== n || index.text.documentCount !== n) problems.push(`索引有 ${index.facts.size} 篇，档案库有 ${n} 篇`);
    return problems.slice(0, limit);
  }

  /** How matches are scored from now on (the evaluation scripts tune it); a rebuild starts from the default. */
  setRanking(ranking: RankingOptions): void {
    this.current.ranking = ranking;
  }

  /** At close: the queued signatures stored, the index files written if anything is unsaved. */
  close(): void {
    this.flushNearDups();
    this.saves.flush();
  }
}
