/**
 * Saving and loading the index: atomic (temp file + fsync + rename), with a
 * fingerprint of what it was built from. A missing, unreadable or stale file
 * means "rebuild", never a wrong answer.
 *
 * File layout (format 5), all numbers little-endian:
 *   "BAOKUIX5"  u32 header length  header JSON (fingerprint first)  padding to 8
 *   sections, each padded to 8 bytes, described in the header by name, type,
 *   offset and length: for each of the two indexes (`text`, `tags`) its
 *   article ids, field lengths and packed terms (term-store.ts); the terms
 *   themselves and the facts table as UTF-8 JSON.
 * Loading is one read, a CRC-32 check of each section and typed-array views
 * over it: no per-posting work.
 */
import fs from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { ArticleIndex, type DocMeta } from './article-index';
import type { PackedIndex } from './text-index';

export const INDEX_FILE = 'search-index.bin';
/** Files of earlier formats, removed when a new index is saved. */
const OLD_FILES = ['search-index.json'];
/** 3: terms under `termKey`. 4: tags in their own index. 5: binary, packed postings (term-store.ts). */
export const INDEX_FORMAT = 5;
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

type ArrayKind = 'u8' | 'u16' | 'u32' | 'json';
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
interface Header {
  fingerprint: Fingerprint;
  text: IndexStats;
  tags: IndexStats;
  sections: Section[];
}

const ARRAYS = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array } as const;
const pad8 = (n: number) => (8 - (n % 8)) % 8;

function sectionsOf(name: string, p: PackedIndex): [string, ArrayKind, ArrayBufferView | string][] {
  return [
    [`${name}.articleIds`, 'u32', p.articleIds],
    [`${name}.fieldLength`, 'u32', p.fieldLength],
    [`${name}.termStart`, 'u32', p.terms.termStart],
    [`${name}.entryField`, 'u8', p.terms.entryField],
    [`${name}.entryStart`, 'u32', p.terms.entryStart],
    [`${name}.docs`, 'u32', p.terms.docs],
    [`${name}.freqs`, 'u16', p.terms.freqs],
    [`${name}.terms`, 'json', JSON.stringify(p.terms.terms)],
  ];
}

const statsOf = (p: PackedIndex): IndexStats => ({ documentCount: p.documentCount, fieldIds: p.fieldIds, avgFieldLength: p.avgFieldLength });

/** Pack and write the index. Packing also compacts the in-memory index (see ArticleIndex.compact). */
export function saveIndex(dir: string, index: ArticleIndex, fp: Fingerprint): void {
  const packed = index.compact();
  const parts: [string, ArrayKind, Buffer][] = [];
  for (const [name, kind, data] of [
    ...sectionsOf('text', packed.text),
    ...sectionsOf('tags', packed.tags),
    ['meta', 'json', JSON.stringify([...index.meta])] as [string, ArrayKind, string],
  ]) {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    parts.push([name, kind, buf]);
  }
  // Offsets are relative to the first byte after the header (padded to 8).
  const sections: Section[] = [];
  let offset = 0;
  for (const [name, kind, buf] of parts) {
    sections.push({ name, kind, offset, length: buf.length, crc: crc32(buf) });
    offset += buf.length + pad8(buf.length);
  }
  const header: Header = { fingerprint: fp, text: statsOf(packed.text), tags: statsOf(packed.tags), sections };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const dataStart = 12 + headerBytes.length + pad8(12 + headerBytes.length);
  const file = path.join(dir, INDEX_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    const lead = Buffer.alloc(12);
    lead.write(MAGIC, 0, 'latin1');
    lead.writeUInt32LE(headerBytes.length, 8);
    fs.writeSync(fd, lead);
    fs.writeSync(fd, headerBytes);
    for (let i = 0; i < parts.length; i++) {
      const buf = parts[i][2];
      fs.writeSync(fd, buf, 0, buf.length, dataStart + sections[i].offset);
      const pad = pad8(buf.length);
      if (pad) fs.writeSync(fd, Buffer.alloc(pad), 0, pad, dataStart + sections[i].offset + buf.length);
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  for (const old of OLD_FILES) fs.rmSync(path.join(dir, old), { force: true });
}

/** The header, with section offsets made absolute. */
function readHeader(buf: Buffer): Header {
  if (buf.length < 12 || buf.toString('latin1', 0, 8) !== MAGIC) throw new Error('not an index file of this format');
  const len = buf.readUInt32LE(8);
  if (12 + len > buf.length) throw new Error('truncated header');
  const header = JSON.parse(buf.toString('utf8', 12, 12 + len)) as Header;
  const dataStart = 12 + len + pad8(12 + len);
  for (const s of header.sections ?? []) s.offset += dataStart;
  return header;
}

/** Every section inside the file and with the CRC it was written with. */
function checkSections(buf: Buffer, header: Header): void {
  for (const s of header.sections) {
    if (s.offset + s.length > buf.length) throw new Error(`section ${s.name} truncated`);
    if (crc32(buf.subarray(s.offset, s.offset + s.length)) !== s.crc) throw new Error(`section ${s.name} damaged`);
  }
}

/** The fingerprint at the head of an index file (for tools that time `loadIndex` alone). */
export function readFingerprint(dir: string): Fingerprint {
  const fd = fs.openSync(path.join(dir, INDEX_FILE), 'r');
  try {
    const lead = Buffer.alloc(12);
    fs.readSync(fd, lead, 0, 12, 0);
    const len = lead.readUInt32LE(8);
    const head = Buffer.alloc(12 + len);
    fs.readSync(fd, head, 0, head.length, 0);
    return readHeader(head).fingerprint;
  } finally {
    fs.closeSync(fd);
  }
}

function unpack(buf: Buffer, header: Header, name: 'text' | 'tags'): PackedIndex {
  const get = (part: string) => {
    const s = header.sections.find((x) => x.name === `${name}.${part}`);
    if (!s || s.offset + s.length > buf.length) throw new Error(`section ${name}.${part} missing or truncated`);
    return s;
  };
  const arr = <K extends Exclude<ArrayKind, 'json'>>(part: string, kind: K): InstanceType<(typeof ARRAYS)[K]> => {
    const s = get(part);
    const T = ARRAYS[kind];
    const at = buf.byteOffset + s.offset;
    const ab = buf.buffer as ArrayBuffer;
    // A view when aligned (a large file's buffer starts at 0), a copy otherwise.
    if (at % T.BYTES_PER_ELEMENT === 0) return new T(ab, at, s.length / T.BYTES_PER_ELEMENT) as InstanceType<(typeof ARRAYS)[K]>;
    return new T(ab.slice(at, at + s.length)) as InstanceType<(typeof ARRAYS)[K]>;
  };
  const termsSection = get('terms');
  const stats = header[name];
  return {
    ...stats,
    articleIds: arr('articleIds', 'u32'),
    fieldLength: arr('fieldLength', 'u32'),
    terms: {
      terms: JSON.parse(buf.toString('utf8', termsSection.offset, termsSection.offset + termsSection.length)) as string[],
      termStart: arr('termStart', 'u32'),
      entryField: arr('entryField', 'u8'),
      entryStart: arr('entryStart', 'u32'),
      docs: arr('docs', 'u32'),
      freqs: arr('freqs', 'u16'),
    },
  };
}

/** Load the saved index if its fingerprint matches `expected`; otherwise null. */
export function loadIndex(dir: string, expected: Fingerprint): { index: ArticleIndex; reason?: undefined } | { index: null; reason: string } {
  const file = path.join(dir, INDEX_FILE);
  if (!fs.existsSync(file)) {
    return { index: null, reason: OLD_FILES.some((f) => fs.existsSync(path.join(dir, f))) ? '检索索引格式已更新' : '没有检索索引' };
  }
  let buf: Buffer;
  let header: Header;
  try {
    buf = fs.readFileSync(file);
    header = readHeader(buf);
  } catch {
    return { index: null, reason: '检索索引文件已损坏' };
  }
  if (!header.fingerprint || !sameFingerprint(header.fingerprint, expected)) {
    return { index: null, reason: '检索索引与档案库不一致' };
  }
  try {
    checkSections(buf, header);
    const index = new ArticleIndex({ text: unpack(buf, header, 'text'), tags: unpack(buf, header, 'tags') });
    const metaSection = header.sections.find((s) => s.name === 'meta');
    if (!metaSection || metaSection.offset + metaSection.length > buf.length) throw new Error('meta missing');
    const meta = JSON.parse(buf.toString('utf8', metaSection.offset, metaSection.offset + metaSection.length)) as [number, DocMeta][];
    for (const [id, m] of meta) index.meta.set(id, m);
    if (index.meta.size !== index.text.documentCount) return { index: null, reason: '检索索引不完整' };
    return { index };
  } catch {
    return { index: null, reason: '检索索引文件已损坏' };
  }
}

/** Remove leftovers of an interrupted save. */
export function cleanTempFiles(dir: string): void {
  for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if ((f.startsWith(INDEX_FILE) || OLD_FILES.some((o) => f.startsWith(o))) && f.endsWith('.tmp')) fs.rmSync(path.join(dir, f), { force: true });
  }
}
