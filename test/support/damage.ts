/**
 * The damage text takes on its way out of a PDF or a terminal, done to a page on purpose, for the
 * tests that a damaged page reads as the page written cleanly (test/ingest/unwrap.test.ts,
 * test/ingest/pages-dev.test.ts).
 */

/**
 * The page set as e-paper text is: each paragraph indented with two U+3000, save the lines `isHead`
 * says are headline lines, which stand flush.
 */
export function indentBody(text: string, isHead: (line: string) => boolean): string {
  return text
    .split('\n')
    .map((l) => (l.trim() === '' || isHead(l.trim()) ? l : `\u3000\u3000${l}`))
    .join('\n');
}

/** Each line longer than `width` characters cut into lines of `width` (what `fold -w` does to Han text). */
export function fold(text: string, width: number): string {
  return text
    .split('\n')
    .map((l) => (l.length > width ? l.match(new RegExp(`.{1,${width}}`, 'gu'))!.join('\n') : l))
    .join('\n');
}
