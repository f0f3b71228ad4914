/**
 * The CRC check of a loaded text index run in slices (`SectionCheck`, search/persist.ts): whatever
 * the slice size, a sound file passes and a damaged one names its damaged section. (At 150k
 * articles the file is ~170 MB, checked in 8 MB slices; the sample's file is a few kilobytes, so
 * slices of a few bytes cross every section boundary the way the large file's do.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXT_FILE, loadIndex, readFingerprint } from '../../src/core/search/persist';
import { sampleArchive, tempDir } from './helpers';

describe('SectionCheck', () => {
  it('passes a sound text index and names the damaged section of a spoiled one, in slices of any size', async () => {
    const dir = tempDir();
    const a = await sampleArchive(dir);
    await a.close();
    const fp = readFingerprint(dir);
    const file = path.join(dir, TEXT_FILE);
    const good = fs.readFileSync(file);

    for (const slice of [1, 7, 4096, 8 << 20]) {
      const loaded = loadIndex(dir, fp, { deferTextCheck: true });
      if (!loaded.index) throw new Error(loaded.reason);
      await loaded.textCheck!.run(() => false, slice);
      expect(loaded.textCheck!.done, `slice ${slice}`).toBe(true);
      expect(loaded.textCheck!.damaged, `slice ${slice}`).toBeUndefined();
    }

    // One byte of the postings (the `docs` section, in the middle of the file) changed.
    const spoiled = Buffer.from(good);
    spoiled[Math.floor(good.length / 2)] ^= 0x01;
    fs.writeFileSync(file, spoiled);
    for (const slice of [1, 7, 4096, 8 << 20]) {
      const loaded = loadIndex(dir, fp, { deferTextCheck: true });
      if (!loaded.index) throw new Error(loaded.reason);
      await loaded.textCheck!.run(() => false, slice);
      expect(loaded.textCheck!.damaged, `slice ${slice}`).toMatch(/^text\./);
    }
    // Checked at load (the default), the same file is refused outright.
    expect(loadIndex(dir, fp).index).toBeNull();
    // A check told to stop stops between slices, unfinished.
    const loaded = loadIndex(dir, fp, { deferTextCheck: true });
    if (!loaded.index) throw new Error(loaded.reason);
    await loaded.textCheck!.run(() => true, 1);
    expect(loaded.textCheck!.done).toBe(false);
  });
});
