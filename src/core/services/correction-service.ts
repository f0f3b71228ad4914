/** Corrections (校对): an editor's fixes, merges and splits, undo, history and the original reading (store/correct.ts); the page's articles re-indexed after each. */
import type { ArticleCorrection, CorrectionRecord, CorrectionResult, OriginalReading } from '../../shared/api';
import * as store from '../store/articles';
import * as correct from '../store/correct';
import type { ArchiveContext } from './context';

export class CorrectionService {
  constructor(private readonly ctx: ArchiveContext) {}

  private corrected(out: correct.Outcome): CorrectionResult {
    this.ctx.reindex(out.changed, out.removed);
    // A corrected, merged or split text is signed again, and grouped at once (not at the next import).
    this.ctx.flushNearDups();
    return { correctionIds: out.correctionIds, article: store.getArticle(this.ctx.db, out.articleId), reviews: out.reviews, ...(out.newId ? { newId: out.newId } : {}) };
  }

  async correctArticle(req: { id: number } & ArticleCorrection): Promise<CorrectionResult> {
    this.ctx.requireWritable();
    const { id, ...fields } = req;
    if (fields.people) this.ctx.vocabulary.learn(Object.values(fields.people).flat());
    return this.corrected(correct.correctArticle(this.ctx.db, id, fields));
  }

  async mergeArticles(req: { id: number; with: 'prev' | 'next' }): Promise<CorrectionResult> {
    this.ctx.requireWritable();
    return this.corrected(correct.mergeArticles(this.ctx.db, req.id, req.with));
  }

  async splitArticle(req: { id: number; at: number }): Promise<CorrectionResult> {
    this.ctx.requireWritable();
    return this.corrected(correct.splitArticle(this.ctx.db, req.id, req.at));
  }

  async undoCorrection(req: { correctionId: number }): Promise<CorrectionResult> {
    this.ctx.requireWritable();
    return this.corrected(correct.undoCorrection(this.ctx.db, req.correctionId));
  }

  async getHistory(req: { id: number }): Promise<CorrectionRecord[]> {
    return correct.correctionHistory(this.ctx.db, req.id);
  }

  async getOriginal(req: { id: number }): Promise<OriginalReading> {
    return correct.originalReading(this.ctx.db, req.id);
  }
}
