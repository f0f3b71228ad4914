/**
 * `你是不是要找：陆晓茜`: a name or tag in the archive that a half-remembered or misspelt query word
 * (`陆晓倩`, `陆小茜`) is one character away from. Names and tags are what reporters misremember;
 * they are also what the archive knows exactly (bylines, editors' tags).
 */
import type { Db } from './db';

/**
 * The most used tag name (any kind) of the same length as `word` that differs from it in exactly
 * one character, or undefined. Words of 2–6 Han characters only; `word` itself a tag: none.
 */
export function similarTagName(db: Db, word: string): string | undefined {
  if (!/^\p{Script=Han}{2,6}$/u.test(word)) return undefined;
  const exact = db.prepare('SELECT 1 FROM tags WHERE name = ? UNION SELECT 1 FROM tag_aliases WHERE alias = ?').get([word, word]);
  if (exact) return undefined;
  const chars = [...word];
  const patterns = chars.map((_, i) => [...chars.slice(0, i), '_', ...chars.slice(i + 1)].join(''));
  const row = db
    .prepare(
      `SELECT t.name, COUNT(at.article_id) AS n FROM tags t LEFT JOIN article_tags at ON at.tag_id = t.id
       WHERE length(t.name) = ? AND (${patterns.map(() => 't.name LIKE ?').join(' OR ')})
       GROUP BY t.id ORDER BY n DESC, t.name LIMIT 1`,
    )
    .get([chars.length, ...patterns]) as { name: string; n: number } | undefined;
  return row && row.n > 0 ? row.name : undefined;
}
