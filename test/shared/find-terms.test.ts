/** Finding query terms in printed text (src/shared/find-terms.ts, used by snippets, exports and the reader): either script, any width. */
import { describe, expect, it } from 'vitest';
import { findTerms, markTerms, prepareTerms } from '../../src/shared/find-terms';
import { makeSnippets } from '../../src/core/search/snippets';

const marks = (text: string, terms: string[]) => markTerms(text, terms).filter((p) => p.mark).map((p) => p.text);

describe('find terms', () => {
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

  it('prefers the longer of two terms that start together, and merges touching matches', () => {
    const text = 'ＭＥＭＳ产业与mems、淄博高新区';
    expect(prepareTerms(['高新', ' ', 'mems', '高新区', 'ＭＥＭＳ'])).toEqual(['mems', '高新区', '高新']);
    expect(marks(text, ['mems', '高新区', '高新'])).toEqual(['ＭＥＭＳ', 'mems', '高新区']);
    expect(marks(text, ['淄博', '高新区'])).toEqual(['淄博高新区']);
  });

  it('gives snippets, exports and the reader the same ranges', () => {
    const text = '香港特別行政區政府今天在臺灣舉行經貿論壇。';
    const terms = ['行政', '政区', '台湾'];
    const [snippet] = makeSnippets(text, terms);
    const fromSnippet = snippet.highlights.map(([s, e]) => snippet.text.slice(s, e));
    expect(fromSnippet).toEqual(marks(text, terms));
    expect(fromSnippet).toEqual(['行政區', '臺灣']);
  });
});
