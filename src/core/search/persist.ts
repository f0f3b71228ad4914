/**
 * Saving and loading the index: atomic (temp file + fsync + rename), with a
 * fingerprint of what it was built from. A missing, unreadable or stale file
 * means "rebuild", never a wrong answer.
 *
 * Two files, so that a tag edit does not rewrite the text index:
 *  - `search-text.bin`: the content index (title, body, names), rewritten
 *    only when articles were added, changed or removed; it carries a random id;
 *  - `search-index.bin`: the fingerprint, the id of the text file it goes
 *    with, the tags index and the facts table; rewritten on every save.
 * Each file: "BAOKUIX5", u32 header length, header JSON, padding to 8, then
 * sections (each padded to 8) listed in the header by name, type, offset,
 * length and CRC-32: a text index's article ids, field lengths and packed
 * terms with the term list as sorted UTF-8 bytes (term-store.ts), and the
 * facts as columns (facts.ts; their strings as JSON). Loading is one read
 * per file, a CRC check, typed-array views and one loop over the articles'
 * facts: no per-posting or per-term work. The text file's CRC check may be
 * left for after the first search (`SectionCheck`, `deferTextCheck`).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { ArticleIndex } from './article-index';
import { Facts, type FactColumns } from './facts';
import type { PackedIndex } from './text-index';

export const INDEX_FILE = 'search-index.bin';
export const TEXT_FILE = 'search-text.bin';
/** Everything the index is made of on disk (to copy an archive's index). */
export const INDEX_FILES = [INDEX_FILE, TEXT_FILE];
/** Files of earlier formats, removed when a new index is saved. */
const OLD_FILES = ['search-index.json'];
/**
 * 3: terms under `termKey`. 4: tags in their own index. 5: binary, packed postings (term-store.ts), text in its own file.
 * 6: the term list as sorted UTF-8 bytes and offsets (term-store.ts), the facts as columns (facts.ts), not JSON.
 */
export const INDEX_FORMAT = 6;
const MAGIC = 'BAOKUIX5';

export interface Fingerprint {
  format: number;
  schema: number;
  tokenizer: number;
  dictionary: string;
  articles: number;
  /** Store's change counter when the index was written. */
  generation: number;
}

export function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  return (
    a.format === b.format &&
    a.schema === b.schema &&
    a.tokenizer === b.tokenizer &&
    a.dictionary === b.dictionary &&
    a.articles === b.articles &&
    a.generation === b.generation
  );
}

type ArrayKind = 'u8' | 'u16' | 'u32' | 'i32' | 'json';
interface Section {
  name: string;
  kind: ArrayKind;
  offset: number;
  length: number;
  /** CRC-32 of the bytes: a damaged file is rebuilt, never misread. */
  crc: number;
}
interface IndexStats {
  documentCount: number;
  fieldIds: Record<string, number>;
  avgFieldLength: number[];
}
interface TextHeader {
  id: string;
  text: IndexStats;
  sections: Section[];
}
interface MainHeader {
  fingerprint: Fingerprint;
  textId: string;
  tags: IndexStats;
  sections: Section[];
}
type Part = [name: string, kind: ArrayKind, data: ArrayBufferView | string];

const ARRAYS = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array } as const;
const pad8 = (n: number) => (8 - (n % 8)) % 8;

function sectionsOf(name: string, p: PackedIndex): Part[] {
  return [
    [`${name}.articleIds`, 'u32', p.articleIds],
    [`${name}.fieldLength`, 'u32', p.fieldLength],
    [`${name}.termStart`, 'u32', p.terms.termStart],
    [`${name}.entryField`, 'u8', p.terms.entryField],
    [`${name}.entryStart`, 'u32', p.terms.entryStart],
    [`${name}.docs`, 'u32', p.terms.docs],
    [`${name}.freqs`, 'u16', p.terms.freqs],
    [`${name}.termBytes`, 'u8', p.terms.termBytes],
    [`${name}.termOffset`, 'u32', p.terms.termOffset],
  ];
}

function factSections(c: FactColumns): Part[] {
  return [
    ['facts.ids', 'u32', c.ids],
    ['facts.date', 'i32', c.date],
    ['facts.kind', 'i32', c.kind],
    ['facts.paper', 'i32', c.paper],
    ['facts.department', 'i32', c.department],
    ['facts.page', 'i32', c.page],
    ['facts.corrected', 'u8', c.corrected],
    ['facts.reporterStart', 'u32', c.reporterStart],
    ['facts.reporterCodes', 'u32', c.reporterCodes],
    ['facts.topicStart', 'u32', c.topicStart],
    ['facts.topicCodes', 'u32', c.topicCodes],
    ['facts.strings', 'json', JSON.stringify(c.strings)],
  ];
}

const statsOf = (p: PackedIndex): IndexStats => ({ documentCount: p.documentCount, fieldIds: p.fieldIds, avgFieldLength: p.avgFieldLength });

/** Write a section file atomically. `head` goes first in the header (the fingerprint can be read from the first bytes). */
function writeSectionFile(file: string, head: object, parts: Part[]): void {
  const bufs = parts.map(([, , data]) =>
    typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength),
  );
  // Offsets are relative to the first byte after the header (padded to 8).
  const sections: Section[] = [];
  let offset = 0;
  parts.forEach(([name, kind], i) => {
    sections.push({ name, kind, offset, length: bufs[i].length, crc: crc32(bufs[i]) });
    offset += bufs[i].length + pad8(bufs[i].length);
  });
  const headerBytes = Buffer.from(JSON.stringify({ ...head, sections }), 'utf8');
  const dataStart = 12 + headerBytes.length + pad8(12 + headerBytes.length);
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    const lead = Buffer.alloc(12);
    lead.write(MAGIC, 0, 'latin1');
    lead.writeUInt32LE(headerBytes.length, 8);
    fs.writeSync(fd, lead);
    fs.writeSync(fd, headerBytes);
    bufs.forEach((buf, i) => {
      fs.writeSync(fd, buf, 0, buf.length, dataStart + sections[i].offset);
      const pad = pad8(buf.length);
      if (pad) fs.writeSync(fd, Buffer.alloc(pad), 0, pad, dataStart + sections[i].offset + buf.length);
    });
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/**
 * Pack and write the index: the text file only when the text changed since
 * it was last written, then the main file. Packing also compacts the
 * in-memory index (ArticleIndex.compactText / compactTags).
 */
export function saveIndex(dir: string, index: ArticleIndex, fp: Fingerprint): void {
  const textFile = path.join(dir, TEXT_FILE);
  if (index.textDirty || !index.textFileId || !fs.existsSync(textFile)) {
    const text = index.compactText();
    const id = crypto.randomUUID();
    writeSectionFile(textFile, { id, text: statsOf(text) }, sectionsOf('text', text));
    index.textFileId = id;
    index.textDirty = false;
  }
  const tags = index.compactTags();
  writeSectionFile(path.join(dir, INDEX_FILE), { fingerprint: fp, textId: index.textFileId, tags: statsOf(tags) }, [
    ...sectionsOf('tags', tags),
    ...factSections(index.facts.toColumns()),
  ]);
  for (const old of OLD_FILES) fs.rmSync(path.join(dir, old), { force: true });
}

/** The header, with section offsets made absolute. */
function readHeader<H extends { sections: Section[] }>(buf: Buffer): H {
  if (buf.length < 12 || buf.toString('latin1', 0, 8) !== MAGIC) throw new Error('not an index file of this format');
  const len = buf.readUInt32LE(8);
  if (12 + len > buf.length) throw new Error('truncated header');
  const header = JSON.parse(buf.toString('utf8', 12, 12 + len)) as H;
  const dataStart = 12 + len + pad8(12 + len);
  for (const s of header.sections ?? []) s.offset += dataStart;
  return header;
}

/** Every section inside the file and with the CRC it was written with. */
function checkSections(buf: Buffer, header: { sections: Section[] }): void {
  for (const s of header.sections) {
    if (s.offset + s.length > buf.length) throw new Error(`section ${s.name} truncated`);
    if (crc32(buf.subarray(s.offset, s.offset + s.length)) !== s.crc) throw new Error(`section ${s.name} damaged`);
  }
}

/**
 * The CRC check of a loaded file's sections, left for later: run in slices (`run`, a turn of the
 * event loop between slices) or at once (`runNow`). `damaged` names the first bad section.
 */
export class SectionCheck {
  private section = 0;
  private at = 0;
  private crc = 0;
  private bad?: string;

  constructor(
    private readonly buf: Buffer,
    private readonly sections: Section[],
  ) {}

  get done(): boolean {
    return this.bad !== undefined || this.section >= this.sections.length;
  }

  /** The first section whose bytes do not match their CRC (after `done`). */
  get damaged(): string | undefined {
    return this.bad;
  }

  /** Check up to `bytes` more bytes; true when the check is done. */
  step(bytes: number): boolean {
    while (!this.done && bytes > 0) {
      const s = this.sections[this.section];
      const n = Math.min(bytes, s.length - this.at);
      this.crc = crc32(this.buf.subarray(s.offset + this.at, s.offset + this.at + n), this.crc);
      this.at += n;
      bytes -= n;
      if (this.at < s.length) break;
      if (this.crc !== s.crc) this.bad = s.name;
      this.section++;
      this.at = 0;
      this.crc = 0;
    }
    return this.done;
  }

  runNow(): void {
    this.step(Infinity);
  }

  /**
   * In slices of `sliceBytes` (8 MB: a few milliseconds each), each after a turn of the event loop
   * (the first too: what is waiting goes first); stops early when `stop()` says so.
   */
  async run(stop: () => boolean = () => false, sliceBytes = 8 << 20): Promise<void> {
    while (!this.done && !stop()) {
      await new Promise((r) => setImmediate(r));
      this.step(sliceBytes);
    }
  }
}

/** The fingerprint at the head of the main index file (for tools that time `loadIndex` alone). */
export function readFingerprint(dir: string): Fingerprint {
  const fd = fs.openSync(path.join(dir, INDEX_FILE), 'r');
  try {
    const lead = Buffer.alloc(12);
    fs.readSync(fd, lead, 0, 12, 0);
    const len = lead.readUInt32LE(8);
    const head = Buffer.alloc(12 + len);
    fs.readSync(fd, head, 0, head.length, 0);
    return readHeader<MainHeader>(head).fingerprint;
  } finally {
    fs.closeSync(fd);
  }
}

function section(buf: Buffer, header: { sections: Section[] }, name: string): Section {
  const s = header.sections.find((x) => x.name === name);
  if (!s || s.offset + s.length > buf.length) throw new Error(`section ${name} missing or truncated`);
  return s;
}

function json<T>(buf: Buffer, header: { sections: Section[] }, name: string): T {
  const s = section(buf, header, name);
  return JSON.parse(buf.toString('utf8', s.offset, s.offset + s.length)) as T;
}

/** A typed-array section: a view when aligned (a large file's buffer starts at 0), a copy otherwise. */
function arrayOf<K extends Exclude<ArrayKind, 'json'>>(buf: Buffer, header: { sections: Section[] }, name: string, kind: K): InstanceType<(typeof ARRAYS)[K]> {
  const s = section(buf, header, name);
  const T = ARRAYS[kind];
  const at = buf.byteOffset + s.offset;
  const ab = buf.buffer as ArrayBuffer;
  if (at % T.BYTES_PER_ELEMENT === 0) return new T(ab, at, s.length / T.BYTES_PER_ELEMENT) as InstanceType<(typeof ARRAYS)[K]>;
  return new T(ab.slice(at, at + s.length)) as InstanceType<(typeof ARRAYS)[K]>;
}

function unpack(buf: Buffer, header: { sections: Section[] }, name: string, stats: IndexStats): PackedIndex {
  const arr = <K extends Exclude<ArrayKind, 'json'>>(part: string, kind: K) => arrayOf(buf, header, `${name}.${part}`, kind);
  return {
    ...stats,
    articleIds: arr('articleIds', 'u32'),
    fieldLength: arr('fieldLength', 'u32'),
    terms: {
      termBytes: arr('termBytes', 'u8'),
      termOffset: arr('termOffset', 'u32'),
      termStart: arr('termStart', 'u32'),
      entryField: arr('entryField', 'u8'),
      entryStart: arr('entryStart', 'u32'),
      docs: arr('docs', 'u32'),
      freqs: arr('freqs', 'u16'),
    },
  };
}

function factsOf(buf: Buffer, header: { sections: Section[] }): Facts {
  const arr = <K extends Exclude<ArrayKind, 'json'>>(part: string, kind: K) => arrayOf(buf, header, `facts.${part}`, kind);
  const c: FactColumns = {
    ids: arr('ids', 'u32'),
    date: arr('date', 'i32'),
    kind: arr('kind', 'i32'),
    paper: arr('paper', 'i32'),
    department: arr('department', 'i32'),
    page: arr('page', 'i32'),
    corrected: arr('corrected', 'u8'),
    reporterStart: arr('reporterStart', 'u32'),
    reporterCodes: arr('reporterCodes', 'u32'),
    topicStart: arr('topicStart', 'u32'),
    topicCodes: arr('topicCodes', 'u32'),
    strings: json<FactColumns['strings']>(buf, header, 'facts.strings'),
  };
  const n = c.ids.length;
  const rows = [c.date, c.kind, c.paper, c.department, c.page, c.corrected];
  if (rows.some((a) => a.length !== n) || c.reporterStart.length !== n + 1 || c.topicStart.length !== n + 1) throw new Error('facts columns of different lengths');
  return Facts.fromColumns(c);
}

/**
 * Load the saved index if its fingerprint matches `expected`; otherwise null. The main file
 * (fingerprint, tags, facts: ~10 MB at 150k articles) is checked against its CRCs here; the text
 * file's check (~170 MB) is left to the caller when `deferTextCheck` (`textCheck`: IndexKeeper runs
 * it after the first search), else done here too. Section bounds are always checked here.
 */
export function loadIndex(
  dir: string,
  expected: Fingerprint,
  opts: { deferTextCheck?: boolean } = {},
): { index: ArticleIndex; textCheck?: SectionCheck; reason?: undefined } | { index: null; reason: string } {
  const file = path.join(dir, INDEX_FILE);
  if (!fs.existsSync(file)) {
    return { index: null, reason: OLD_FILES.some((f) => fs.existsSync(path.join(dir, f))) ? '检索索引格式已更新' : '没有检索索引' };
  }
  let main: Buffer;
  let header: MainHeader;
  try {
    main = fs.readFileSync(file);
    header = readHeader<MainHeader>(main);
  } catch {
    return { index: null, reason: '检索索引文件已损坏' };
  }
  if (header.fingerprint?.format !== expected.format) return { index: null, reason: '检索索引格式已更新' };
  if (!header.fingerprint || !sameFingerprint(header.fingerprint, expected)) {
    return { index: null, reason: '检索索引与档案库不一致' };
  }
  try {
    checkSections(main, header);
    const text = fs.readFileSync(path.join(dir, TEXT_FILE));
    const textHeader = readHeader<TextHeader>(text);
    if (textHeader.id !== header.textId) return { index: null, reason: '检索索引与档案库不一致' };
    const textCheck = new SectionCheck(text, textHeader.sections);
    for (const s of textHeader.sections) if (s.offset + s.length > text.length) throw new Error(`section ${s.name} truncated`);
    if (!opts.deferTextCheck) {
      textCheck.runNow();
      if (textCheck.damaged) throw new Error(`section ${textCheck.damaged} damaged`);
    }
    const index = new ArticleIndex({ text: unpack(text, textHeader, 'text', textHeader.text), tags: unpack(main, header, 'tags', header.tags) });
    index.facts = factsOf(main, header);
    if (index.facts.size !== index.text.documentCount) return { index: null, reason: '检索索引不完整' };
    index.textFileId = textHeader.id;
    index.textDirty = false;
    return opts.deferTextCheck ? { index, textCheck } : { index };
  } catch {
    return { index: null, reason: '检索索引文件已损坏' };
  }
}

/** Remove leftovers of an interrupted save. */
export function cleanTempFiles(dir: string): void {
  for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if ([...INDEX_FILES, ...OLD_FILES].some((o) => f.startsWith(o)) && f.endsWith('.tmp')) fs.rmSync(path.join(dir, f), { force: true });
  }
}
