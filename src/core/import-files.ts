/**
 * What an import reads: local paths (files and folders, recursively, `.txt`,
 * in a stable order) or uploaded contents, checked for size before reading.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { UploadedFile } from '../shared/api';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface ImportSource {
  name: string;
  /** Reads the bytes; throws a user-facing Error when the file cannot be read or is too big. */
  read(): Uint8Array;
}

function tooBig(bytes: number): Error {
  return new Error(`文件太大（${(bytes / 1024 / 1024).toFixed(1)} MB），单个文件不能超过 50 MB`);
}

export function fromPath(file: string): ImportSource {
  return {
    name: file,
    read() {
      const st = fs.statSync(file);
      if (st.size > MAX_FILE_BYTES) throw tooBig(st.size);
      return fs.readFileSync(file);
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

/** Expand paths: folders recursively to their `.txt` files, sorted by path (stable order). */
export function expandPaths(paths: string[]): { sources: ImportSource[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (p: string, depth: number) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      missing.push(p);
      return;
    }
    if (st.isDirectory()) {
      if (depth > 32) return;
      for (const e of fs.readdirSync(p).sort()) {
        const child = path.join(p, e);
        if (e.startsWith('.')) continue;
        let cst: fs.Stats;
        try {
          cst = fs.statSync(child);
        } catch {
          continue;
        }
        if (cst.isDirectory()) walk(child, depth + 1);
        else if (/\.txt$/i.test(e)) files.push(child);
      }
    } else files.push(p);
  };
  for (const p of paths) walk(path.resolve(p), 0);
  return { sources: files.map(fromPath), missing };
}
