/** Saved searches (design in store/saved-searches.ts): save, rename, reorder, open, and the `+N` of new matches after each import. */
import type { OpenedSavedSearch, SavedSearch, SaveSearchRequest } from '../../shared/api';
import * as store from '../store/articles';
import * as saved from '../store/saved-searches';
import { parseQuery, QueryError } from '../search/query';
import { foldForSearch } from '../text/normalize';
import { UserError } from '../errors';
import type { ArchiveContext } from './context';
import type { SearchService } from './search-service';

export class SavedSearchService {
  constructor(
    private readonly ctx: ArchiveContext,
    private readonly search: SearchService,
  ) {}

  async listSavedSearches(): Promise<SavedSearch[]> {
    return saved.listSavedSearches(this.ctx.db);
  }

  async saveSearch(req: SaveSearchRequest): Promise<SavedSearch> {
    this.ctx.requireWritable();
    try {
      parseQuery(req.query);
    } catch (err) {
      if (err instanceof QueryError) throw new UserError(`检索式有误，未保存：${err.message}`);
      throw err;
    }
    return saved.createSavedSearch(this.ctx.db, req);
  }

  async renameSavedSearch(req: { id: number; name: string }): Promise<SavedSearch> {
    this.ctx.requireWritable();
    return saved.renameSavedSearch(this.ctx.db, req.id, req.name);
  }

  async deleteSavedSearch(req: { id: number }): Promise<void> {
    this.ctx.requireWritable();
    saved.deleteSavedSearch(this.ctx.db, req.id);
  }

  async reorderSavedSearches(req: { ids: number[] }): Promise<SavedSearch[]> {
    this.ctx.requireWritable();
    return saved.reorderSavedSearches(this.ctx.db, req.ids);
  }

  async openSavedSearch(req: { id: number }): Promise<OpenedSavedSearch> {
    return saved.openSavedSearch(this.ctx.db, req.id, this.ctx.writable);
  }

  /** After an import run: each saved search's matches among the articles newer than its last opening. */
  countNewMatches(): void {
    if (!this.ctx.writable) return;
    saved.refreshNewCounts(this.ctx.db, (t) => {
      // As `matchAll`, with the store's text reads (phrases, proximity) limited to the new articles.
      const newer = (ids: number[]) => ids.filter((id) => id > t.seenThrough);
      try {
        const q = parseQuery(t.query);
        const { hits } = this.ctx.index.search(
          q,
          this.search.resolveFilters(q, t.filters),
          (ids) => store.foldedTexts(this.ctx.db, newer(ids), foldForSearch),
        );
        return hits.idView().reduce((n, id) => n + (id > t.seenThrough ? 1 : 0), 0);
      } catch (err) {
        if (err instanceof QueryError) return 0;
        throw err;
      }
    });
  }
}
