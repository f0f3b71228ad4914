/**
 * The words that decide how this archive's text is cut into index terms: jieba's dictionary plus
 * what the archive teaches it (editors' terms, every tag name and alias, names read from bylines
 * and corrections), and the stop words. One per `Archive`; every place that teaches a word goes
 * through `learn`, so "which words does this archive know" has one owner.
 *
 * What is per process and what per archive:
 * - **jieba's words are per process.** There is one cppjieba instance per process and a word
 *   inserted into it cannot be taken back, so a second archive opened in the same process (tests,
 *   a future "open another archive") also cuts text with the words the first one taught. The app's
 *   worker, the CLI and the HTTP host open one archive per process, where this never arises.
 *   `addWords` (text/tokenizer.ts) inserts each word once per process.
 * - **The stop words are per process** (the tokenizer's one list), set by `load` from the
 *   archive's own `stopwords.txt`, or the defaults when it has none: the archive opened last sets
 *   them.
 * - **`known` is per archive**: the words this archive has taught, so only new ones are sent to
 *   jieba. `hash()` covers what an editor changes (the dictionary table and `stopwords.txt`) and
 *   goes into the index fingerprint, so an index built with other words is rebuilt.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './store/db';
import { addDictionaryWord, dictionaryWords } from './store/dictionary';
import { allTagWords } from './store/tags';
import { DEFAULT_STOP_WORDS } from './text/stopwords';
import { addWords, setStopWords } from './text/tokenizer';
import { startJieba } from './text/jieba';

export class Vocabulary {
  private readonly known = new Set<string>();

  constructor(
    private readonly db: Db,
    /** The archive's folder (for `stopwords.txt`). */
    private readonly dir: string,
  ) {}

  private get stopWordsFile(): string {
    return path.join(this.dir, 'stopwords.txt');
  }

  /** Stop words from the archive (or the defaults), jieba started loading (in its own thread; text/jieba.ts), the dictionary and every tag word taught. */
  load(): void {
    const file = this.stopWordsFile;
    if (fs.existsSync(file)) setStopWords(fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l && !l.startsWith('#')));
    else setStopWords(DEFAULT_STOP_WORDS);
    startJieba();
    this.learn([...dictionaryWords(this.db), ...allTagWords(this.db)]);
  }

  /** Teach jieba the words it does not know yet from this archive (names, tag values). */
  learn(words: Iterable<string>): void {
    const fresh: string[] = [];
    for (const w of words) {
      const word = w.trim();
      if (word && !this.known.has(word)) {
        this.known.add(word);
        fresh.push(word);
      }
    }
    if (fresh.length) addWords(fresh);
  }

  /** An editor's term: kept in the archive's dictionary and taught. */
  addEditorWord(word: string): void {
    addDictionaryWord(this.db, word);
    this.learn([word]);
  }

  /** Hash of the editors' dictionary and the stop-word file (both change what the index holds). */
  hash(): string {
    const file = this.stopWordsFile;
    const stopText = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    return crypto.createHash('sha1').update(dictionaryWords(this.db).join('\n')).update('\u0000').update(stopText).digest('hex').slice(0, 16);
  }
}
