/**
 * Groups of near-duplicate articles (the same agency story printed on several
 * pages or days, trimmed or retitled), kept in SQLite and updated at import.
 *
 * Tables (migrations 6 and 10): `near_dup` holds one row per searchable article (the
 * first part of a continued one): its shingle count, its packed MinHash
 * signature (NULL when too short to judge, see text/near-dup.ts) and its
 * `group_id`; its LSH buckets (bucket, article), for the candidate look-up, are
 * rows of `near_dup_bands_new` (a small table new buckets are written to) or of
 * `near_dup_bands` (the large one they are merged into), never both.
 *
 * Groups are the connected components of the graph whose edges are pairs that
 * share an LSH bucket and are judged near-duplicates (`nearDuplicates`); a
 * group's id is its smallest article id. So a group depends only on the
 * articles in the archive, not on the order they arrived in. A new article can
 * only join groups: it is judged against its LSH candidates, one member of each
 * candidate group at most once an edge to that group is found, and the groups it
 * has an edge to are merged (`join`, linear in the candidates: a standing feature
 * printed every day for years makes a group of thousands). An article that is
 * changed or removed may split its group: those groups, and the groups of its
 * new matches, are recomputed from their members' signatures (`regroup`).
 *
 * A bucket of more than BUCKET_WINDOW articles (a standing feature, a weather box
 * printed every day for years: thousands of near-identical copies) is read as a
 * window: a new article is judged against the bucket's newest BUCKET_WINDOW
 * articles, and `regroup` judges each article against the BUCKET_WINDOW before it
 * (by id) in each bucket, never twice a pair already joined. Buckets are pure in
 * practice (unrelated articles share one with probability ~2·10⁻⁵, text/near-dup.ts),
 * so the groups of such copies come out the same, and the work per article stays
 * bounded instead of growing with the group (a soak of 4,000 uploads of one page
 * spent 300 ms an upload looking up its candidates).
 *
 * Writes are batched: an import queues its articles' signatures (`queue`) and
 * they are stored and grouped together (`flush`: at the end of an import, and
 * every FLUSH_EVERY articles), in one transaction. The LSH buckets are random
 * keys: written into one table of every article's buckets (4.8 million rows at
 * 150k articles with 32 bands), a flush of a thousand articles dirtied most of
 * its B-tree pages, and that was a quarter of the time of an import into a 150k
 * archive (bench/near-dup-cost.ts). So the buckets are written in two levels,
 * as a log-structured merge: a flush inserts its buckets, sorted, into the
 * small `near_dup_bands_new`, whose pages stay few; when it holds more than
 * MERGE_FLOOR rows and more than 1/MERGE_RATIO of the large table's, its rows
 * are merged into `near_dup_bands` in one pass in key order (each page of the
 * large table written once per merge, not once per flush) and it is emptied
 * (at 150k articles: ~1 s once every ~10,000 articles, ~0.1 ms an article).
 * A look-up reads both. Until the flush the new articles are not grouped yet;
 * an import cut short leaves articles without a row, which `missing` finds
 * when the archive opens.
 */
import type { Db } from './db';
import { inTransaction } from './db';
import { BANDS, bandBuckets, NEAR_DUP_VERSION, nearDuplicates, similarity, type Signature, type Signed, packSignature } from '../text/near-dup';
import { getMeta, setMeta } from './meta';

interface Row {
  id: number;
  shingles: number;
  sig: Uint8Array | null;
  group: number;
}

/** Queued articles (added, changed or removed) after which `queue` flushes by itself. */
export const FLUSH_EVERY = 1000;
/** Articles of one LSH bucket judged against a new one (the newest), and against each other at regroup (a sliding window). */
export const BUCKET_WINDOW = 64;
/** Bucket rows the small table may hold before a merge, whatever the large one's size… */
export const MERGE_FLOOR = 64_000;
/** …and beyond that, the large table's share it may reach: each merge rewrites the large table's pages once. */
export const MERGE_RATIO = 16;

function sameSignature(row: Row, shingles: number, packed: Uint8Array | null): boolean {
  if (row.shingles !== shingles || !row.sig !== !packed) return false;
  return !packed || (row.sig!.length === packed.length && row.sig!.every((b, i) => b === packed[i]));
}

export class NearDups {
  /** Queued changes: a signature (or null, too short) to store, or 'removed'; the last word per article wins. */
  private pending = new Map<number, Signature | null | 'removed'>();
  private stmts = new Map<string, ReturnType<Db['prepare']>>();
  /** Rows of `near_dup_bands_new`. */
  private recentRows: number;
  /** Rows of `near_dup_bands` estimated from the signed articles, counted once between merges. */
  private largeRows: number | undefined;
  /** Rows the small table may hold before a merge at the least (MERGE_FLOOR; a test sets it low to merge often). */
  mergeFloor = MERGE_FLOOR;

  /** Group id of every article in a group of two or more (the others are alone). */
  readonly groupOf = new Map<number, number>();
  /** The same by article id in a typed array, 0 for none (`groupIdOf`: a search collapses 30,000 hits with it). */
  private groupArr = new Int32Array(1024);
  /** Members of each group of two or more. */
  readonly members = new Map<number, number[]>();

  constructor(private db: Db) {
    if (getMeta(db, 'near_dup_version') !== String(NEAR_DUP_VERSION)) {
      // Signatures made another way cannot be compared: all are made again (`missing`).
      inTransaction(db, () => {
        db.exec('DELETE FROM near_dup; DELETE FROM near_dup_bands; DELETE FROM near_dup_bands_new;');
        setMeta(db, 'near_dup_version', String(NEAR_DUP_VERSION));
      });
    }
    this.loadGroups();
    this.recentRows = (db.prepare('SELECT COUNT(*) AS n FROM near_dup_bands_new').get([]) as { n: number }).n;
  }

  /**
   * Every group of two or more, read at open. The rows come as one string: libsql makes an object
   * per row, and at 150k articles that alone was ~230 ms of an open (this way ~100 ms in all).
   */
  private loadGroups(): void {
    const { s } = this.db.prepare("SELECT group_concat(article_id || ' ' || group_id, ' ') AS s FROM (SELECT article_id, group_id FROM near_dup ORDER BY article_id)").get([]) as { s: string | null };
    const parts = s ? s.split(' ') : [];
    const n = parts.length / 2;
    const ids = new Int32Array(n);
    const groups = new Int32Array(n);
    let top = 0;
    for (let k = 0; k < n; k++) {
      ids[k] = Number(parts[2 * k]);
      groups[k] = Number(parts[2 * k + 1]);
      top = Math.max(top, ids[k], groups[k]);
    }
    const size = new Int32Array(top + 1);
    for (let k = 0; k < n; k++) size[groups[k]]++;
    if (top >= this.groupArr.length) this.groupArr = new Int32Array(Math.max(1024, 2 ** Math.ceil(Math.log2(top + 1))));
    for (let k = 0; k < n; k++) if (size[groups[k]] > 1) this.place(ids[k], groups[k]);
  }

  /** A prepared statement, prepared once. */
  private sql(text: string): ReturnType<Db['prepare']> {
    let st = this.stmts.get(text);
    if (!st) {
      st = this.db.prepare(text);
      this.stmts.set(text, st);
    }
    return st;
  }

  /** Queue new signatures and removals (see `update`); flushed at FLUSH_EVERY. */
  queue(changed: { id: number; sig: Signature | null }[], removed: number[]): void {
    for (const id of removed) this.pending.set(id, 'removed');
    for (const c of changed) this.pending.set(c.id, c.sig);
    if (this.pending.size >= FLUSH_EVERY) this.flush();
  }

  /** Store and group everything queued, in one transaction. */
  flush(): void {
    if (!this.pending.size) return;
    const changed: { id: number; sig: Signature | null }[] = [];
    const removed: number[] = [];
    for (const [id, v] of this.pending) {
      if (v === 'removed') removed.push(id);
      else changed.push({ id, sig: v });
    }
    this.pending.clear();
    this.update(changed, removed);
  }

  /** The article's group id, 0 when it is in no group of two or more. */
  groupIdOf(id: number): number {
    return id < this.groupArr.length ? this.groupArr[id] : 0;
  }

  private place(id: number, group: number): void {
    this.groupOf.set(id, group);
    if (id >= this.groupArr.length) {
      let cap = this.groupArr.length;
      while (cap <= id) cap *= 2;
      const next = new Int32Array(cap);
      next.set(this.groupArr);
      this.groupArr = next;
    }
    this.groupArr[id] = group;
    const list = this.members.get(group) ?? [];
    list.push(id);
    this.members.set(group, list);
  }

  private unplace(id: number): void {
    const g = this.groupOf.get(id);
    if (g === undefined) return;
    this.groupOf.delete(id);
    this.groupArr[id] = 0;
    const list = this.members.get(g)?.filter((m) => m !== id) ?? [];
    if (list.length) this.members.set(g, list);
    else this.members.delete(g);
  }

  /** How many other articles are in `id`'s group. */
  others(id: number): number {
    const g = this.groupOf.get(id);
    return g === undefined ? 0 : (this.members.get(g)?.length ?? 1) - 1;
  }

  /** The ids of `id`'s group (itself alone when it has no near-duplicate). */
  group(id: number): number[] {
    const g = this.groupOf.get(id);
    return g === undefined ? [id] : [...(this.members.get(g) ?? [id])];
  }

  /** Estimated containment between two articles (0 when either has no signature). */
  similarity(a: number, b: number): number {
    const [ra, rb] = [this.row(a), this.row(b)];
    if (!ra?.sig || !rb?.sig) return a === b ? 1 : 0;
    return similarity(ra as Signed, rb as Signed);
  }

  private row(id: number): Row | undefined {
    const r = this.sql('SELECT article_id AS id, shingles, sig, group_id AS g FROM near_dup WHERE article_id = ?').get([id]) as
      | { id: number; shingles: number; sig: ArrayBuffer | Uint8Array | null; g: number }
      | undefined;
    if (!r) return undefined;
    return { id: r.id, shingles: r.shingles, sig: r.sig ? new Uint8Array(r.sig as ArrayBuffer) : null, group: r.g };
  }

  /** Articles that have a row (a signature, or none because too short). */
  signedIds(): number[] {
    return (this.db.prepare('SELECT article_id AS id FROM near_dup').all([]) as { id: number }[]).map((r) => r.id);
  }

  /** Searchable articles with no row yet (a new or upgraded archive, or an import cut short). */
  missing(): number[] {
    return (
      this.db.prepare('SELECT id FROM articles WHERE part_of IS NULL AND id NOT IN (SELECT article_id FROM near_dup) ORDER BY id').all([]) as { id: number }[]
    ).map((r) => r.id);
  }

  /** Rows whose article has left the archive (deleted outside `update`). */
  orphans(): number[] {
    return (this.db.prepare('SELECT article_id AS id FROM near_dup WHERE article_id NOT IN (SELECT id FROM articles WHERE part_of IS NULL)').all([]) as { id: number }[]).map(
      (r) => r.id,
    );
  }

  /**
   * Record new signatures (`changed`: an article added or whose text changed;
   * `sig` null when too short) and forget `removed` articles, then recompute
   * the groups they touch. One transaction.
   */
  update(changed: { id: number; sig: Signature | null }[], removed: number[]): void {
    if (!changed.length && !removed.length) return;
    inTransaction(this.db, () => {
      const touched = new Set<number>();
      const forget = (id: number, old = this.row(id)): boolean => {
        if (!old) return false;
        touched.add(old.group);
        if (old.sig) {
          const del = this.sql('DELETE FROM near_dup_bands WHERE bucket = ? AND article_id = ?');
          const delNew = this.sql('DELETE FROM near_dup_bands_new WHERE bucket = ? AND article_id = ?');
          for (const b of bandBuckets(old.sig)) {
            del.run([b, id]);
            this.recentRows -= delNew.run([b, id]).changes;
          }
        }
        this.sql('DELETE FROM near_dup WHERE article_id = ?').run([id]);
        this.unplace(id);
        return true;
      };
      for (const id of removed) forget(id);
      const ins = this.sql('INSERT INTO near_dup (article_id, shingles, sig, group_id) VALUES (?,?,?,?)');
      const fresh = new Map<number, Signed>(); // new articles with a signature
      const bands: [number, number][] = [];
      const rewritten: number[] = [];
      for (const c of changed) {
        const packed = c.sig ? packSignature(c.sig) : null;
        const old = this.row(c.id);
        // The same signature as stored (a page uploaded again, an article kept with its tags): its
        // edges, and so every group, stay as they are.
        if (old && sameSignature(old, c.sig?.shingles ?? 0, packed)) continue;
        if (forget(c.id, old)) rewritten.push(c.id);
        else if (packed) fresh.set(c.id, { sig: packed, shingles: c.sig!.shingles });
        ins.run([c.id, c.sig?.shingles ?? 0, packed ? Buffer.from(packed) : null, c.id]);
        if (packed) for (const b of bandBuckets(packed)) bands.push([b, c.id]);
      }
      // In key order, in one statement: the B-tree is walked once, left to right, not once per row.
      bands.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      if (bands.length) {
        const band = this.sql("INSERT OR IGNORE INTO near_dup_bands_new (bucket, article_id) SELECT value ->> 0, value ->> 1 FROM json_each(?) ORDER BY key");
        this.recentRows += band.run([JSON.stringify(bands)]).changes;
      }
      // A changed article's old group may split: it is recomputed, with the groups of its new matches.
      for (const id of rewritten) {
        touched.add(id);
        for (const other of this.candidates(id)) touched.add(other.group);
      }
      if (touched.size) this.regroup(touched);
      // New articles only join groups; their buckets' members looked up for all of them at once.
      const members = this.bucketMembers(bands.filter(([, id]) => fresh.has(id)).map(([b]) => b));
      for (const [id, me] of fresh) this.join(id, me, members);
      if (this.recentRows > this.mergeFloor) this.mergeIfDue();
    });
  }

  /**
   * The small bucket table merged into the large one when it holds more than 1/MERGE_RATIO of its
   * rows (estimated: BANDS per signed article, counted once between merges; near_dup's count is read
   * from its small group index, the large table's would mean reading all of it).
   */
  private mergeIfDue(): void {
    this.largeRows ??= (this.db.prepare('SELECT COUNT(*) AS n FROM near_dup').get([]) as { n: number }).n * BANDS;
    if (this.recentRows * MERGE_RATIO <= this.largeRows) return;
    this.db.exec(`
      INSERT OR IGNORE INTO near_dup_bands (bucket, article_id) SELECT bucket, article_id FROM near_dup_bands_new ORDER BY bucket, article_id;
      DELETE FROM near_dup_bands_new;
    `);
    this.recentRows = 0;
    this.largeRows = undefined;
  }

  /** A new article (its row stored, in a group of its own): merge it with the groups it has an edge to. */
  private join(id: number, me: Signed, members: Map<number, number[]>): void {
    // Its group now (an earlier article of the batch may have joined it), as held in memory.
    const linked = new Set<number>([this.groupOf.get(id) ?? id]);
    for (const c of this.candidates(id, members, me.sig)) {
      if (linked.has(c.group)) continue; // one edge to a group is enough
      const other = this.row(c.id);
      if (other?.sig && nearDuplicates(me, other as Signed)) linked.add(c.group);
    }
    if (linked.size === 1) return;
    const target = Math.min(...linked);
    const move = this.sql('UPDATE near_dup SET group_id = ? WHERE group_id = ?');
    for (const g of linked) {
      if (g === target) continue;
      move.run([target, g]);
      this.moveMembers(g, target);
    }
    if (!this.groupOf.has(target)) this.place(target, target);
  }

  /** Every member of group `from` (itself alone when it has no list) into group `to`, in memory. */
  private moveMembers(from: number, to: number): void {
    const list = this.members.get(from) ?? [from];
    this.members.delete(from);
    for (const m of list) this.place(m, to);
  }

  /**
   * Articles sharing an LSH bucket with `id` (the newest BUCKET_WINDOW of each bucket, of the two
   * bucket tables together), with their groups. Their groups are the ones held in memory, kept
   * equal to `near_dup.group_id` (an article in no group of two or more is its own group).
   * `members`: the buckets' members looked up beforehand (`bucketMembers`), for a batch at once.
   */
  private candidates(id: number, members?: Map<number, number[]>, sig = this.row(id)?.sig): { id: number; group: number }[] {
    if (!sig) return [];
    const buckets = bandBuckets(sig);
    members ??= this.bucketMembers(buckets);
    const out = new Set<number>();
    for (const b of buckets) {
      let n = 0;
      for (const cid of members.get(b) ?? []) {
        if (cid === id) continue;
        if (n++ === BUCKET_WINDOW) break;
        out.add(cid);
      }
    }
    return [...out].map((cid) => ({ id: cid, group: this.groupOf.get(cid) ?? cid }));
  }

  /**
   * The members of each of `buckets`, newest first, at least the newest BUCKET_WINDOW besides any
   * one article (so BUCKET_WINDOW + 1). One statement per bucket table for all the buckets of a
   * batch, given in key order, read from the tables' keys alone. A statement per article (16
   * windowed look-ups in each table, merged and sorted per bucket) cost ~0.5 ms an article in an
   * import into a 150k archive, more than storing the buckets; this way ~0.23 ms (both on a loaded
   * machine), most of it the large table's pages read from the file.
   */
  private bucketMembers(buckets: number[]): Map<number, number[]> {
    const out = new Map<number, number[]>();
    if (!buckets.length) return out;
    const keys = JSON.stringify([...new Set(buckets)].sort((x, y) => x - y));
    for (const table of ['near_dup_bands', 'near_dup_bands_new']) {
      // A windowed look-up per bucket (a bucket of a standing feature holds thousands), its ids as one string.
      const q = this.sql(
        `SELECT bucket, ids FROM (SELECT j.value AS bucket, (SELECT group_concat(article_id) FROM (SELECT article_id FROM ${table} WHERE bucket = j.value ORDER BY article_id DESC LIMIT ${BUCKET_WINDOW + 1})) AS ids FROM json_each(?) AS j) WHERE ids IS NOT NULL`,
      );
      for (const { bucket, ids } of q.all([keys]) as { bucket: number; ids: string }[]) {
        const found = ids.split(',').map(Number);
        const list = out.get(bucket);
        if (list) list.push(...found);
        else out.set(bucket, found);
      }
    }
    for (const list of out.values()) {
      list.sort((x, y) => y - x);
      if (list.length > BUCKET_WINDOW + 1) list.length = BUCKET_WINDOW + 1;
    }
    return out;
  }

  /**
   * Recompute the components formed by the members of `groups`; each gets its smallest id as group id.
   * Union-find over the rows' positions (sorted by id). A pair already in one component is not
   * judged, and a bucket whose members are all in one component already is passed over whole:
   * neither can join anything, so the components are those of every edge judged, at a fraction
   * of the work (a group of a hundred copies of one story shares all BANDS buckets: the first
   * bucket joins it, the other buckets are one look each instead of a hundred times the window).
   */
  private regroup(groups: Set<number>): void {
    const rows: Row[] = [];
    const q = this.sql('SELECT article_id AS id, shingles, sig, group_id AS g FROM near_dup WHERE group_id = ?');
    for (const g of groups) {
      for (const r of q.all([g]) as { id: number; shingles: number; sig: ArrayBuffer | null; g: number }[]) {
        rows.push({ id: r.id, shingles: r.shingles, sig: r.sig ? new Uint8Array(r.sig) : null, group: r.g });
      }
    }
    rows.sort((x, y) => x.id - y.id);
    const parent = Int32Array.from(rows, (_, i) => i);
    const find = (x: number): number => {
      while (parent[x] !== x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    };
    // Edges: pairs sharing a bucket (each article and the BUCKET_WINDOW before it, by id), judged
    // by estimated containment.
    const buckets = new Map<number, number[]>();
    rows.forEach((r, i) => {
      if (!r.sig) return;
      for (const b of bandBuckets(r.sig)) {
        const list = buckets.get(b);
        if (list) list.push(i);
        else buckets.set(b, [i]);
      }
    });
    for (const at of buckets.values()) {
      if (at.length < 2) continue;
      const first = find(at[0]);
      if (at.every((i) => find(i) === first)) continue;
      for (let j = 1; j < at.length; j++)
        for (let i = Math.max(0, j - BUCKET_WINDOW); i < j; i++) {
          const [ra, rb] = [find(at[i]), find(at[j])];
          if (ra === rb) continue;
          if (!nearDuplicates(rows[at[i]] as Signed, rows[at[j]] as Signed)) continue;
          parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
    // Positions are in id order and a root is the smallest position of its component: its id is the group id.
    for (const g of groups) {
      for (const m of this.members.get(g) ?? []) this.groupOf.delete(m);
      this.members.delete(g);
    }
    for (const r of rows) if (this.groupOf.has(r.id)) this.unplace(r.id);
    const size = new Map<number, number>();
    for (let i = 0; i < rows.length; i++) size.set(find(i), (size.get(find(i)) ?? 0) + 1);
    const set = this.sql('UPDATE near_dup SET group_id = ? WHERE article_id = ?');
    for (let i = 0; i < rows.length; i++) {
      const root = find(i);
      const g = rows[root].id;
      if (rows[i].group !== g) set.run([g, rows[i].id]);
      if (size.get(root)! > 1) this.place(rows[i].id, g);
    }
  }
}
