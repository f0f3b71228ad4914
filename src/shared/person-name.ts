/**
 * What a byline's person name may be, for every side that takes one from an editor: the
 * reader's 校对 form checks it as typed, and the contract's schema refuses anything else
 * from any client (`api-schema.ts`, `correctArticle.people`). The parser reads names from
 * pages by its own, stricter rules (`core/ingest/names.ts`).
 */

/** Names in a field: separated by spaces, `、` or commas; other dots of a transliterated name read as `·`. */
export function namesIn(text: string): string[] {
  return text
    .replace(/[•・‧∙]/g, '·')
    .split(/[\s\u3000、，,;；]+/)
    .filter(Boolean);
}

/** Why `n` is not a person's name as a byline prints one (2–4 Han characters, or a transliterated name with `·`). */
export function personNameProblem(n: string): string | null {
  if (/^\p{Script=Han}{2,4}$/u.test(n)) return null;
  if (/^\p{Script=Han}{1,10}(?:·\p{Script=Han}{1,10})+$/u.test(n)) return null;
  if (/^\p{Script=Han}{5,}$/u.test(n)) return `“${n}”有 ${[...n].length} 个字：人名应为 2–4 个汉字，几个人名之间用空格或“、”隔开。`;
  return `“${n}”不像人名：应为 2–4 个汉字，或带“·”的译名（如 阿依努尔·买买提）。`;
}
