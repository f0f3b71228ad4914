/**
 * The first step of ingest (file → decode → page shape → parse): what an import reads. It lives in
 * `ingest/` because it is where a page's bytes come from, before `decode.ts` reads them, and it
 * knows nothing of the store or the index (ingest's layer rule keeps it so); the import service
 * (`services/import-service.ts`) runs it, and the CLI walks folders with it.
 *
 * What an import reads: local paths (files and folders, recursively, `.txt`,
 * in a stable order) or uploaded contents, checked for size before reading.
 *
 * Only regular files are ever opened: a FIFO, device or socket named `*.txt`
 * is skipped (it would hang the import or never end), and a file is opened
 * non-blocking, checked again on the open descriptor and read at most up to
 * the size limit (a file that grows, or a /proc-style file reporting size 0,
 * cannot eat memory). Inside a chosen folder a symlink is followed only when
 * it stays inside that folder and does not lead back into a folder already
 * being walked. Every `.txt` skipped this way (and every folder too deep)
 * becomes a source whose `read()` throws the reason, so it appears in the
 * import report as a rejected file with its reason in Chinese.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { UploadedFile } from '../../shared/api';
import type { ParsedPage } from '../../shared/types';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Folders deeper than this below a chosen folder are not walked (and are reported). */
export const MAX_DEPTH = 32;

export interface ImportSource {
  name: string;
  /** Reads the bytes; throws a user-facing Error when the file cannot be read or is too big. */
  read(): Uint8Array;
  /** The original file's hash when the bytes are not the file's own (a page received by sync: its text, re-encoded). */
  hash?: string;
  /** The page as the desk that imported it read it (received by sync: stored as it is, not parsed again). */
  reading?: ParsedPage;
}

export interface SkippedPath {
  file: string;
  reason: string;
}

function tooBig(bytes: number): Error {
  return new Error(`文件太大（${(bytes / 1024 / 1024).toFixed(1)} MB），单个文件不能超过 50 MB`);
}

function kindOf(st: fs.Stats): string {
  if (st.isFIFO()) return '管道（FIFO）';
  if (st.isCharacterDevice() || st.isBlockDevice()) return '设备文件';
  if (st.isSocket()) return '套接字';
  if (st.isDirectory()) return '文件夹';
  return '特殊文件';
}

export const REASONS = {
  notRegular: (st: fs.Stats) => `不是普通文件（${kindOf(st)}），已跳过`,
  outside: '链接指向所选文件夹之外，已跳过',
  loop: '链接指向正在导入的上级文件夹（循环），已跳过',
  seen: '这个文件夹已经通过别的路径（链接）导入过，已跳过',
  broken: '链接指向的文件不存在，已跳过',
  tooDeep: `文件夹层级太深（超过 ${MAX_DEPTH} 层），其中的文件未导入`,
  unreadable: '无法读取，已跳过',
};

/**
 * Read a regular file, at most `limit` bytes: opened non-blocking (a FIFO
 * swapped in after the walk cannot hang the open), checked on the descriptor,
 * read in chunks up to limit + 1 so a file that says size 0 but never ends is
 * still stopped.
 */
export function readRegularFile(file: string, limit = MAX_FILE_BYTES): Buffer {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new Error(REASONS.notRegular(st));
    if (st.size > limit) throw tooBig(st.size);
    const chunks: Buffer[] = [];
    let total = 0;
    const chunkSize = 1024 * 1024;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(chunkSize, limit + 1 - total));
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > limit) throw new Error(`文件太大（读到 ${(total / 1024 / 1024).toFixed(1)} MB 仍未结束），单个文件不能超过 50 MB`);
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}

export function fromPath(file: string): ImportSource {
  return {
    name: file,
    read() {
      // stat follows a symlink the user named: what it leads to must be a regular file.
      const st = fs.statSync(file);
      if (!st.isFile()) throw new Error(REASONS.notRegular(st));
      if (st.size > MAX_FILE_BYTES) throw tooBig(st.size);
      return readRegularFile(file);
    },
  };
}

/** A file the walk decided not to open: reading it reports why. */
function skippedSource(file: string, reason: string): ImportSource {
  return {
    name: file,
    read() {
      throw new Error(reason);
    },
  };
}

export function fromUpload(f: UploadedFile): ImportSource {
  return {
    name: path.basename(f.name.replace(/\\/g, '/')),
    read() {
      const approx = Math.floor((f.dataBase64.length * 3) / 4);
      if (approx > MAX_FILE_BYTES) throw tooBig(approx);
      return Buffer.from(f.dataBase64, 'base64');
    },
  };
}

function inside(root: string, p: string): boolean {
  return p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/**
 * Expand paths: folders recursively to their `.txt` files, sorted by path
 * (stable order). Paths named directly are taken as given (a symlink the user
 * chose is followed); inside a folder, symlinks must stay inside it and not
 * loop. `skipped` lists everything left out with its reason; the same files
 * are also in `sources` as entries whose `read()` throws that reason, so the
 * import report shows them.
 */
export function expandPaths(paths: string[]): { sources: ImportSource[]; missing: string[]; skipped: SkippedPath[] } {
  const entries: { file: string; skip?: string }[] = [];
  const missing: string[] = [];
  const skipped: SkippedPath[] = [];
  const visited = new Set<string>();
  const skip = (file: string, reason: string) => {
    skipped.push({ file, reason });
    entries.push({ file, skip: reason });
  };

  /** `real` is the resolved folder; `ancestors` are the folders (dev:ino) being walked above it. */
  const walkDir = (shown: string, real: string, root: string, depth: number, ancestors: Set<string>) => {
    if (depth > MAX_DEPTH) {
      skip(shown, REASONS.tooDeep);
      return;
    }
    let names: string[];
    try {
      names = fs.readdirSync(real).sort();
    } catch {
      skip(shown, REASONS.unreadable);
      return;
    }
    for (const e of names) {
      if (e.startsWith('.')) continue;
      const child = path.join(shown, e);
      const childReal = path.join(real, e);
      let lst: fs.Stats;
      try {
        lst = fs.lstatSync(childReal);
      } catch {
        continue;
      }
      const isTxt = /\.txt$/i.test(e);
      let target = childReal;
      let st = lst;
      if (lst.isSymbolicLink()) {
        try {
          target = fs.realpathSync(childReal);
          st = fs.statSync(target);
        } catch {
          if (isTxt) skip(child, REASONS.broken);
          continue;
        }
        if (!inside(root, target)) {
          if (isTxt || st.isDirectory()) skip(child, REASONS.outside);
          continue;
        }
      }
      if (st.isDirectory()) {
        const key = `${st.dev}:${st.ino}`;
        if (ancestors.has(key)) {
          skip(child, REASONS.loop);
          continue;
        }
        // Each folder is walked once: links between sibling folders cannot multiply the walk.
        if (visited.has(key)) {
          skip(child, REASONS.seen);
          continue;
        }
        visited.add(key);
        ancestors.add(key);
        walkDir(child, target, root, depth + 1, ancestors);
        ancestors.delete(key);
      } else if (isTxt) {
        if (st.isFile()) entries.push({ file: child });
        else skip(child, REASONS.notRegular(st));
      }
    }
  };

  for (const p of paths) {
    const abs = path.resolve(p);
    let st: fs.Stats;
    let real: string;
    try {
      real = fs.realpathSync(abs);
      st = fs.statSync(real);
    } catch {
      missing.push(abs);
      continue;
    }
    if (st.isDirectory()) {
      const key = `${st.dev}:${st.ino}`;
      if (visited.has(key)) continue;
      visited.add(key);
      walkDir(abs, real, real, 0, new Set([key]));
    }
    else if (st.isFile()) entries.push({ file: abs });
    else skip(abs, REASONS.notRegular(st));
  }
  return { sources: entries.map((e) => (e.skip ? skippedSource(e.file, e.skip) : fromPath(e.file))), missing, skipped };
}
