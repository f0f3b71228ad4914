/**
 * Hand-made pages under test/fixtures/pages (each a different real-world shape),
 * decoded from their bytes and parsed, compared with their `.expected.json`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBuffer, parsePage } from '../../src/core/ingest';
import { comparePage, type ExpectedPage } from './expected';

const DIR = path.resolve('test/fixtures/pages');
const cases = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as ExpectedPage);

describe('fixture pages', () => {
  it('has at least 15 fixture pages', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  for (const exp of cases) {
    it(`${exp.file} reads as labelled`, () => {
      const decoded = decodeBuffer(fs.readFileSync(path.join(DIR, exp.file)), exp.file);
      if (exp.encoding) expect(decoded.encoding).toBe(exp.encoding);
      const page = parsePage(decoded.text, { file: exp.file });
      expect(comparePage(page, exp)).toEqual([]);
      // Offsets point into the decoded text, in page order, without overlap.
      let last = 0;
      for (const a of page.articles) {
        expect(a.charStart).toBeGreaterThanOrEqual(last);
        expect(a.charEnd).toBeGreaterThan(a.charStart!);
        expect(a.charEnd).toBeLessThanOrEqual(decoded.text.length);
        last = a.charEnd!;
      }
    });
  }
});
