/**
 * An ArticleIndex built from nothing in one pass (a rebuild, services/index-keeper.ts): each
 * article added as `ArticleIndex#upsert` would add it to an empty index, the postings written
 * straight into packed form (packed-builder.ts) instead of through MiniSearch's Maps. An
 * article's texts come segmented ahead, as term numbers, when the rebuild has them
 * (`AheadSegmenter`, text/tokenizer.ts), else they are segmented here.
 */
import type { ArticleDetail } from '../../shared/types';
import { foldForSearch } from '../text/normalize';
import { tokenizeForIndex } from '../text/tokenizer';
import {
  ArticleIndex,
  FIELDS,
  TRADITIONAL_MARK,
  articleToDoc,
  articleToFacts,
  fieldTerms,
  tagDocText,
  type ArticleFacts,
  type IndexDoc,
} from './article-index';
import { PackedBuilder } from './packed-builder';

/** Texts' index terms as numbers from `ArticleIndexBuilder#intern`. */
export type SegmentedTexts = ReadonlyMap<string, number[]>;

export class ArticleIndexBuilder {
  private readonly text = new PackedBuilder(FIELDS);
  private readonly tags = new PackedBuilder(['tags']);
  private readonly facts: [number, ArticleFacts][] = [];

  /** A term's number in the content index (what `AheadSegmenter` numbers terms with). */
  readonly intern = (term: string): number => this.text.intern(term);

  /**
   * Add an article (each id once); `segmented` holds its texts' terms if they were segmented
   * ahead, `doc` its index document if already made (the same strings: a long body is hashed once).
   */
  add(a: ArticleDetail, segmented?: SegmentedTexts, doc: IndexDoc = articleToDoc(a)): void {
    const { text, tags } = this;
    const terms = (t: string) => segmented?.get(t) ?? tokenizeForIndex(t).map(this.intern);
    const whole = (name: string) => text.intern(foldForSearch(name));
    const mark = () => text.intern(TRADITIONAL_MARK);
    text.addTerms(
      doc.id,
      FIELDS.map((f) => fieldTerms(doc[f], f, terms, whole, mark)),
    );
    this.facts.push([a.id, articleToFacts(a)]);
    const names = tagDocText(a.tags);
    if (!names) return;
    // The tags index numbers its own terms: the names' words, numbered again.
    const tagTerms = (t: string) => this.words(segmented, t).map((w) => tags.intern(w));
    tags.addTerms(a.id, [fieldTerms(names, 'tags', tagTerms, (name) => tags.intern(foldForSearch(name)), () => tags.intern(TRADITIONAL_MARK))]);
  }

  /** A text's index terms as words: from its numbers when it was segmented ahead (a near-duplicate signature, the tags index). */
  words(segmented: SegmentedTexts | undefined, text: string): string[] {
    const ids = segmented?.get(text);
    return ids ? ids.map((id) => this.text.termOf(id)) : tokenizeForIndex(text);
  }

  /** The index of every article added. */
  finish(): ArticleIndex {
    const index = new ArticleIndex({ text: this.text.build(), tags: this.tags.build() });
    for (const [id, facts] of this.facts) index.facts.set(id, facts);
    return index;
  }
}
