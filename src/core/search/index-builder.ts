/**
 * An ArticleIndex built from nothing in one pass (a rebuild, services/index-keeper.ts): each
 * article added as `ArticleIndex#upsert` would add it to an empty index, the postings written
 * straight into packed form (packed-builder.ts) instead of through MiniSearch's Maps.
 */
import type { ArticleDetail } from '../../shared/types';
import { ArticleIndex, FIELDS, articleToDoc, articleToFacts, tagDocText, tokenizeField, type ArticleFacts, type IndexDoc, type TagDoc } from './article-index';
import { PackedBuilder } from './packed-builder';

export class ArticleIndexBuilder {
  private readonly text = new PackedBuilder<IndexDoc>(FIELDS, tokenizeField);
  private readonly tags = new PackedBuilder<TagDoc>(['tags'], tokenizeField);
  private readonly facts: [number, ArticleFacts][] = [];

  /** Add an article (each id once). */
  add(a: ArticleDetail): void {
    this.text.add(articleToDoc(a));
    this.facts.push([a.id, articleToFacts(a)]);
    const names = tagDocText(a.tags);
    if (names) this.tags.add({ id: a.id, tags: names });
  }

  /** The index of every article added. */
  finish(): ArticleIndex {
    const index = new ArticleIndex({ text: this.text.build(), tags: this.tags.build() });
    for (const [id, facts] of this.facts) index.facts.set(id, facts);
    return index;
  }
}
