/** The reader's highlighting (src/renderer/src/lib/fold.ts): query terms in either script marked on the printed characters. */
import { describe, expect, it } from 'vitest';
import { findTerms, splitByRanges } from '../../src/renderer/src/lib/fold';

const marks = (text: string, terms: string[]) => splitByRanges(text, findTerms(text, terms)).filter((p) => p.mark).map((p) => p.text);

describe('reader highlight', () => {
  it('marks traditional text for simplified terms, and simplified text for traditional terms', () => {
    expect(marks('特區政府發言人又說，香港與臺灣的經貿往來近年保持穩定。', ['台湾', '经贸'])).toEqual(['臺灣', '經貿']);
    expect(marks('来自台湾的青年代表在发言中说', ['臺灣'])).toEqual(['台湾']);
    expect(marks('香港特別行政區政府今天舉行升旗儀式', ['香港特别行政区'])).toEqual(['香港特別行政區']);
  });

  it('merges overlapping matches into one highlight', () => {
    // 香港特别行政区 is searched as its pieces 香港, 特别, 行政, 政区: 行政 and 政区 overlap.
    expect(marks('香港特別行政區政府', ['香港', '特别', '行政', '政区'])).toEqual(['香港特別行政區']);
  });

  it('keeps the offsets right after width folding', () => {
    const text = 'ＡＢＣ公司在臺灣設廠';
    const [r] = findTerms(text, ['台湾']);
    expect(text.slice(r[0], r[1])).toBe('臺灣');
    expect(marks(text, ['abc'])).toEqual(['ＡＢＣ']);
  });
});
