/** Tags: listing, adding and removing (one article or every result of a search), undo, history, suggestions, rename/merge/delete, and the editors' dictionary. */
import type { TagChangeRecord, TagChangeRequest, TagChangeResult, TagInfo, TagKind, TagSuggestion } from '../../shared/api';
import * as store from '../store/articles';
import * as tags from '../store/tags';
import { articlesHolding } from '../store/dictionary';
import { QueryError } from '../search/query';
import { topicCandidates } from '../text/tokenizer';
import { loadJieba } from '../text/jieba';
import { NotFound, UserError } from '../errors';
import type { ArchiveContext } from './context';
import { articleText, type SearchService } from './search-service';

export class TagService {
  constructor(
    private readonly ctx: ArchiveContext,
    private readonly search: SearchService,
  ) {}

  async listTags(req: { kind?: TagKind; prefix?: string; limit?: number }): Promise<TagInfo[]> {
    return tags.listTags(this.ctx.db, req.kind, req.prefix, req.limit ?? 1000);
  }

  async changeTags(req: TagChangeRequest): Promise<TagChangeResult> {
    this.ctx.requireWritable();
    let ids = req.ids ?? [];
    if (!req.ids && req.query !== undefined) {
      try {
        ids = this.search.matchAll({ query: req.query, filters: req.filters }).ordered.map((h) => h.id);
      } catch (err) {
        if (err instanceof QueryError) throw new UserError(err.message);
        throw err;
      }
    }
    const add = req.add ?? [];
    const remove = req.remove ?? [];
    if (!add.length && !remove.length) throw new UserError('没有要添加或删除的标签');
    this.ctx.vocabulary.learn(add.map((t) => tags.cleanTagName(t.kind, t.name)));
    const out = tags.changeTags(this.ctx.db, ids, add, remove);
    this.ctx.reindexTags(out.articleIds);
    return { changeId: out.changeId, articles: out.articleIds.length };
  }

  async undoTagChange(req: { changeId?: number }): Promise<TagChangeResult | null> {
    this.ctx.requireWritable();
    const out = tags.undoChange(this.ctx.db, req.changeId);
    if (!out) return null;
    this.ctx.reindexTags(out.articleIds);
    return { changeId: out.changeId, articles: out.articleIds.length };
  }

  async tagHistory(req: { limit?: number }): Promise<TagChangeRecord[]> {
    return tags.tagHistory(this.ctx.db, req.limit ?? 50);
  }

  async suggestTopics(req: { id: number }): Promise<TagSuggestion[]> {
    const a = store.getArticle(this.ctx.db, req.id);
    if (!a) throw new NotFound('没有这篇文章');
    const have = new Set(a.tags.filter((t) => t.kind === 'topic').map((t) => t.name));
    const names = new Set(a.tags.map((t) => t.name));
    const out: TagSuggestion[] = [];
    const similar = await this.search.moreLikeThis({ id: a.id, limit: 20 });
    const counts = new Map<string, number>();
    for (const h of similar) for (const t of h.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [name, n] of [...counts.entries()].sort((x, y) => y[1] - x[1]).slice(0, 5)) {
      if (!have.has(name)) out.push({ name, source: 'similar', weight: n });
    }
    // Topics already in the vocabulary that the article's text names.
    const text = articleText(a);
    for (const t of tags.listTags(this.ctx.db, 'topic', undefined, 500)) {
      if (have.has(t.name) || out.some((o) => o.name === t.name) || t.name.length < 2) continue;
      if (text.includes(t.name)) out.push({ name: t.name, source: 'similar', weight: t.count });
    }
    for (const k of topicCandidates(text, 10)) {
      if (have.has(k.word) || names.has(k.word) || out.some((o) => o.name === k.word)) continue;
      out.push({ name: k.word, source: 'keyword', weight: Math.round(k.weight * 100) / 100 });
    }
    return out.slice(0, 12);
  }

  async tagUsage(req: { kind: TagKind; name: string }): Promise<number> {
    return tags.tagUsage(this.ctx.db, req.kind, req.name).articleIds.length;
  }

  async renameTag(req: { kind: TagKind; from: string; to: string }): Promise<number> {
    this.ctx.requireWritable();
    const ids = tags.renameTag(this.ctx.db, req.kind, req.from, req.to);
    this.ctx.vocabulary.learn([tags.cleanTagName(req.kind, req.to)]);
    this.ctx.reindexTags(ids);
    return ids.length;
  }

  async mergeTags(req: { kind: TagKind; from: string; into: string }): Promise<number> {
    this.ctx.requireWritable();
    const ids = tags.mergeTags(this.ctx.db, req.kind, req.from, req.into);
    this.ctx.reindexTags(ids);
    return ids.length;
  }

  async deleteTag(req: { kind: TagKind; name: string }): Promise<number> {
    this.ctx.requireWritable();
    const ids = tags.deleteTag(this.ctx.db, req.kind, req.name);
    this.ctx.reindexTags(ids);
    return ids.length;
  }

  /** Add an editor's term to the dictionary; the articles that contain it are re-indexed. */
  addDictionaryWord(word: string): number {
    this.ctx.requireWritable();
    const w = word.trim();
    if (w.length < 2) throw new UserError('词条至少两个字');
    loadJieba(); // the articles holding the word are segmented again: this thread's own copy
    this.ctx.vocabulary.addEditorWord(w);
    const ids = articlesHolding(this.ctx.db, w);
    this.ctx.reindex(ids);
    this.ctx.flushNearDups();
    this.ctx.saveIndexNow();
    return ids.length;
  }
}
