/** The editors' dictionary (table `dictionary`): terms jieba must cut whole in this archive. */
import type { Db } from './handle';
import { logDictWord } from './oplog';

/** Every word, in order (the order the index fingerprint's hash reads them in). */
export function dictionaryWords(db: Db): string[] {
  return (db.prepare('SELECT word FROM dictionary ORDER BY word').all([]) as { word: string }[]).map((r) => r.word);
}

/** Add an editor's term (once; a new one goes into the operation log, to travel to the shared archive). */
export function addDictionaryWord(db: Db, word: string): void {
  if (db.prepare("INSERT OR IGNORE INTO dictionary (word, source) VALUES (?, 'editor')").run([word]).changes) logDictWord(db, word);
}

/** Ids of the articles whose title or paragraphs hold `word` as written (to re-index them when it becomes a word). */
export function articlesHolding(db: Db, word: string): number[] {
  return (db.prepare('SELECT id FROM articles WHERE instr(paragraphs, ?) > 0 OR instr(title, ?) > 0').all([word, word]) as { id: number }[]).map((r) => r.id);
}
