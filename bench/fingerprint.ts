/**
 * Reads the fingerprint stored at the head of an archive's index file, so the
 * benchmark can time `loadIndex` alone without opening the database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { INDEX_FILE, type Fingerprint } from '../src/core/search/persist';

export function readFingerprint(dir: string): { fingerprint: Fingerprint } {
  const fd = fs.openSync(path.join(dir, INDEX_FILE), 'r');
  try {
    const buf = Buffer.alloc(4096);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const head = buf.subarray(0, n).toString('utf8');
    const m = /"fingerprint":(\{[^}]*\})/.exec(head);
    if (!m) throw new Error('no fingerprint at the head of the index file');
    return { fingerprint: JSON.parse(m[1]) as Fingerprint };
  } finally {
    fs.closeSync(fd);
  }
}
