/**
 * Word-boundary test for layout repair: does a dictionary word run across a line break?
 *
 * jieba is asked only at break decisions, on a dozen characters around the break,
 * without HMM so that it cannot invent words. Loaded lazily through `loadJieba()`;
 * if the dictionary cannot be found the test answers "no" (a missed join, never a crash).
 */
import { tryLoadJieba } from '../text/jieba';

// loadJieba() checks the dictionary files before cppjieba can abort on a missing one.
// Never call nodejieba.load() here: a second load drops the words the archive inserted.
const get = tryLoadJieba;

let calls = 0;
/** How many times jieba was consulted (for tests and benchmarks). */
export function jiebaCalls(): number {
  return calls;
}

const HAN = /[\u4e00-\u9fa5]/;

/** True when jieba (dictionary only) cuts a word of ≥2 characters across the join of `before` and `after`. */
export function wordAcrossBreak(before: string, after: string): boolean {
  const a = before.slice(-6);
  const b = after.slice(0, 6);
  if (!a || !b || !HAN.test(a.slice(-1)) || !HAN.test(b[0])) return false;
  const j = get();
  if (!j) return false;
  calls++;
  let pos = 0;
  for (const tok of j.cut(a + b, false)) {
    const end = pos + tok.length;
    if (pos < a.length && end > a.length && tok.length >= 2) return true;
    pos = end;
    if (pos >= a.length) break;
  }
  return false;
}

/** True when jieba cuts the first character of `text` off as a word of its own (a particle, not `着力`). */
export function firstIsSingleChar(text: string): boolean {
  const j = get();
  if (!j) return true;
  calls++;
  const first = j.cut(text.slice(0, 6), false)[0] ?? '';
  return first.length === 1;
}
