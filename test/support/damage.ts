/**
 * The damage text takes on its way out of a PDF or a terminal, done to a page on purpose, for the
 * tests that a damaged page reads as the page written cleanly (test/ingest/unwrap.test.ts,
 * test/ingest/pages-dev.test.ts).
 */

/** Each line longer than `width` characters cut into lines of `width` (what `fold -w` does to Han text). */
export function fold(text: string, width: number): string {
  return text
    .split('\n')
    .map((l) => (l.length > width ? l.match(new RegExp(`.{1,${width}}`, 'gu'))!.join('\n') : l))
    .join('\n');
}
