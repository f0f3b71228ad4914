/**
 * The search fold (src/shared/search-fold.ts): NFKC, lower case and OpenCC's
 * traditional → simplified, with offsets back to the original text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Converter, Locale } from 'opencc-js/t2cn';
import { foldForSearch, foldWithOffsets, hasTraditional, lengthPreserving, occurrencesIn, toSimplified, triggerCharacters } from '../../src/shared/search-fold';
import { REPO, SAMPLE_DIR, SAMPLE_FILE } from './helpers';

/** Where `term` (folded) stands in `text`, as the original characters. */
const marked = (text: string, term: string) => occurrencesIn(foldWithOffsets(text), term).map(([s, e]) => text.slice(s, e));

describe('search fold', () => {
  it('folds traditional to simplified, phrase by phrase where OpenCC has phrases', () => {
    expect(foldForSearch('臺灣')).toBe('台湾');
    expect(foldForSearch('香港特別行政區')).toBe('香港特别行政区');
    expect(foldForSearch('鄧小平')).toBe('邓小平');
    expect(foldForSearch('頭髮')).toBe('头发');
    // Phrases: 乾 is 干 in 乾淨 but stays in 乾隆.
    expect(foldForSearch('乾淨')).toBe('干净');
    expect(foldForSearch('乾隆年間')).toBe('乾隆年间');
    // Hong Kong variants too (hk2s): 衞 → 卫, 綫 → 线.
    expect(foldForSearch('衞生署熱綫')).toBe('卫生署热线');
    // Widths and case as before.
    expect(foldForSearch('ＡＢＣ臺灣１２')).toBe('abc台湾12');
  });

  it('leaves simplified text as it is, even where an OpenCC phrase would rewrite it', () => {
    // OpenCC's hk2s reads `覆信` and `沈思` as traditional (`复信`, `沉思`); simplified text means them otherwise.
    for (const s of ['颠覆信任', '记者沈思远', '著名学者', '于是']) {
      expect(hasTraditional(s)).toBe(false);
      expect(foldForSearch(s)).toBe(s);
    }
    // 乾 alone is traditional (干), but OpenCC keeps it in 乾隆.
    expect(hasTraditional('乾隆')).toBe(true);
    expect(foldForSearch('乾隆')).toBe('乾隆');
    const sample = fs.readFileSync(path.join(SAMPLE_DIR, SAMPLE_FILE), 'utf8');
    expect(foldForSearch(sample)).toBe(sample.normalize('NFKC').toLowerCase());
    const simplified = fs.readFileSync(path.join(REPO, 'test/fixtures/fanjian/京华日报_2022-07-01_第3版.txt'), 'utf8');
    expect(hasTraditional(simplified)).toBe(false);
  });

  it('gates exactly: a character is a trigger iff OpenCC converts it on its own', () => {
    const convert = Converter({ from: 'hk', to: 'cn' });
    const config = (Locale.configs as unknown as Record<string, { normalizationChain: string[][]; conversionChain: string[][] }>).hk2s;
    const chars = new Set<string>();
    for (const d of [...config.normalizationChain, ...config.conversionChain].flat()) for (const e of d.split('|')) for (const c of e.split(' ')[0]) chars.add(c);
    const triggers = triggerCharacters();
    const wrong = [...chars].filter((c) => (convert(c) !== c) !== triggers.has(c));
    expect(wrong).toEqual([]);
    expect(triggers.size).toBeGreaterThan(3000);
  });

  it('OpenCC tables keep lengths (so offsets map code point to code point)', () => {
    expect(lengthPreserving()).toBe(true);
  });

  it('maps folded offsets back to the original characters', () => {
    const text = '本報訊　香港與臺灣的經貿往來';
    expect(marked(text, '台湾')).toEqual(['臺灣']);
    expect(marked(text, '经贸往来')).toEqual(['經貿往來']);
    // Full-width and case before the traditional run: ＡＢＣ is 3 characters folded and original.
    expect(marked('ＡＢＣ臺灣１２', 'abc台湾12')).toEqual(['ＡＢＣ臺灣１２']);
    // A character that folds to several (NFKC `㈱` → `(株)`) before a traditional word.
    expect(marked('㈱臺灣公司', '台湾')).toEqual(['臺灣']);
    expect(marked('㈱臺灣公司', '(株)')).toEqual(['㈱']);
    // A character of the BMP that becomes one beyond it (`䁪` → `𥇢`): both UTF-16 units map to it.
    const f = foldWithOffsets('看䁪眼');
    expect(f.text).toBe('看𥇢眼');
    expect(marked('看䁪眼', '𥇢')).toEqual(['䁪']);
    expect(marked('看䁪眼', '眼')).toEqual(['眼']);
  });

  it('gives the same folded text as foldForSearch', () => {
    for (const f of fs.readdirSync(path.join(REPO, 'test/fixtures/fanjian'))) {
      const text = fs.readFileSync(path.join(REPO, 'test/fixtures/fanjian', f), 'utf8');
      const folded = foldWithOffsets(text);
      expect(folded.text).toBe(foldForSearch(text));
      expect(folded.start.length).toBe(folded.text.length);
    }
    expect(toSimplified(toSimplified('香港特別行政區'))).toBe(toSimplified('香港特別行政區'));
  });
});
