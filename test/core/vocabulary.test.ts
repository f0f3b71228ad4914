/**
 * The archive's words (core/vocabulary.ts): its own stop words, its dictionary and tag words taught
 * to jieba, and what carries over between two archives opened in one process (the stop words do not;
 * jieba's words do, as documented there). Real archives, real jieba.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../src/core/service';
import { queryWords } from '../../src/core/text/tokenizer';

/** The words jieba cuts the text into (whole words, not their index parts). */
const words = (t: string) => queryWords(t).map((w) => w.word);
import { sampleArchive, tempDir } from './helpers';

const open: Archive[] = [];
afterAll(() => open.forEach((a) => a.close()));

async function sample(stopWords?: string): Promise<Archive> {
  const dir = tempDir();
  if (stopWords !== undefined) fs.writeFileSync(path.join(dir, 'stopwords.txt'), stopWords);
  const a = await sampleArchive(dir);
  open.push(a);
  return a;
}

describe('vocabulary', () => {
  it("uses the archive's own stop words, and a second archive opened after it does not inherit them", async () => {
    const own = await sample('# 本馆停用词\n的\n淄博\n');
    expect((await own.search({ query: '淄博' })).error).toMatch(/淄博.*太常见/);
    const plain = await sample();
    expect((await plain.search({ query: '淄博' })).total).toBeGreaterThan(0);
    // The stop-word file is part of what the index was built with.
    expect(own.fingerprint().dictionary).not.toBe(plain.fingerprint().dictionary);
  });

  it('teaches jieba a tag name and an editor\'s term, so both are cut whole; a renamed tag too', async () => {
    const a = await sample();
    const id = (await a.search({ query: '淄博', limit: 1 })).hits[0].id;
    expect(words('桑梓新苗计划')).not.toContain('桑梓新苗计划');
    await a.changeTags({ ids: [id], add: [{ kind: 'topic', name: '桑梓新苗计划' }] });
    expect(words('桑梓新苗计划')).toContain('桑梓新苗计划');
    await a.renameTag({ kind: 'topic', from: '桑梓新苗计划', to: '桑梓新苗工程' });
    expect(words('桑梓新苗工程')).toContain('桑梓新苗工程');
    const before = a.fingerprint().dictionary;
    a.addDictionaryWord('四宝山双创园');
    expect(words('四宝山双创园')).toContain('四宝山双创园');
    expect(a.fingerprint().dictionary).not.toBe(before);
  });
});
