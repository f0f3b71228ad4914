/**
 * Layout repair: letter-spaced text. Some PDF extractors (and text justified with spaces) put a
 * space between every two characters: `中 国 人 民 银 行 行 长 戴 相 龙`. Read from the page's own
 * evidence: when most pairs of neighbouring Han characters on the page stand one space apart, the
 * spaces between Han characters (and between a Han character and Chinese punctuation) are the
 * extractor's, not the writer's, and go. A page written normally (a space here and there: a padded
 * name `王  浩`, a headline's pause `泉州 海丝助力向外看`) is left as it is.
 */
import { furnitureOf, type Furniture } from './furniture';

/** A line as `lines.ts` splits it (its text, and the furniture read from it). */
interface Line {
  text: string;
  furniture?: Furniture;
}

const HAN = '\\u4e00-\\u9fa5';
/** Chinese punctuation and full-width forms, which a letter-spaced line spaces like characters. */
const CJK_MARK = '\\u3000-\\u303f\\uff00-\\uffef\\u2014\\u2026\\u201c\\u201d\\u2018\\u2019';

const SPACED_PAIR = new RegExp(`[${HAN}] (?=[${HAN}])`, 'g');
const CLOSE_PAIR = new RegExp(`[${HAN}](?=[${HAN}])`, 'g');
/** One space between two CJK characters (Han or Chinese punctuation). */
const EXTRACTOR_SPACE = new RegExp(`(?<=[${HAN}${CJK_MARK}]) (?=[${HAN}${CJK_MARK}])`, 'g');

/** Whether the page is letter-spaced: at least 20 spaced Han pairs, and more than twice as many as close ones. */
export function isLetterSpaced(units: Line[]): boolean {
  let spaced = 0;
  let close = 0;
  for (const u of units) {
    spaced += u.text.match(SPACED_PAIR)?.length ?? 0;
    close += u.text.match(CLOSE_PAIR)?.length ?? 0;
  }
  return spaced >= 20 && spaced > 2 * close;
}

/** The page's lines with the extractor's spaces taken out; a page not letter-spaced comes back as it is. */
export function closeLetterSpacing<T extends Line>(units: T[]): T[] {
  if (!isLetterSpaced(units)) return units;
  return units.map((u) => {
    const text = u.text.replace(EXTRACTOR_SPACE, '');
    return { ...u, text, furniture: furnitureOf(text) };
  });
}
