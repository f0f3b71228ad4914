/** Clippings (剪报): clipping sets, exports in every format, and citations of the articles. */
import type { ArticleDetail, CitationRequest, CitationResult, ClippingSet, ExportRequest, ExportResult } from '../../shared/api';
import * as store from '../store/articles';
import { parseQuery, QueryError } from '../search/query';
import { tokenizeForQuery } from '../text/tokenizer';
import { exportClippings } from '../export';
import { citeArticles } from '../export/citation';
import { UserError } from '../errors';
import type { ArchiveContext } from './context';
import type { SearchService } from './search-service';

const MAX_EXPORT = 5000;

export class ClippingService {
  constructor(
    private readonly ctx: ArchiveContext,
    private readonly search: SearchService,
  ) {}

  async listClippingSets(): Promise<ClippingSet[]> {
    return store.listClippingSets(this.ctx.db);
  }

  async saveClippingSet(req: ClippingSet): Promise<ClippingSet> {
    this.ctx.requireWritable();
    if (!req.name.trim()) throw new UserError('请给剪报集起个名字');
    return store.saveClippingSet(this.ctx.db, { ...req, name: req.name.trim() });
  }

  async deleteClippingSet(req: { id: number }): Promise<void> {
    this.ctx.requireWritable();
    store.deleteClippingSet(this.ctx.db, req.id);
  }

  /** Articles for an export: by ids (in that order) or all results of a query. */
  exportArticles(req: Pick<ExportRequest, 'ids' | 'query' | 'filters' | 'dedupe'>): ArticleDetail[] {
    let ids = req.ids;
    if (!ids) {
      if (req.query === undefined) throw new UserError('请选择要导出的文章');
      try {
        ids = this.search.matchAll({ query: req.query, filters: req.filters, sort: 'date-asc' }, undefined, undefined, req.dedupe === true).ordered.map((h) => h.id);
      } catch (err) {
        if (err instanceof QueryError) throw new UserError(err.message);
        throw err;
      }
    }
    if (ids.length > MAX_EXPORT) throw new UserError(`一次最多导出 ${MAX_EXPORT} 篇（这次是 ${ids.length} 篇），请缩小范围`);
    const articles = store.getArticles(this.ctx.db, ids);
    if (!articles.length) throw new UserError('没有可导出的文章');
    return articles;
  }

  async exportClippings(req: ExportRequest): Promise<ExportResult> {
    const articles = this.exportArticles(req);
    let highlightTerms: string[] | undefined;
    if (req.highlight) {
      try {
        const q = parseQuery(req.highlight);
        highlightTerms = [...q.groups.flat().flatMap((i) => tokenizeForQuery(i.text))];
      } catch {
        highlightTerms = undefined;
      }
    }
    const out = await exportClippings(articles, {
      format: req.format,
      title: req.title,
      query: req.query,
      highlightTerms,
      pageBreaks: req.pageBreaks,
      pdf: this.ctx.options.pdf,
    });
    return { fileName: out.fileName, mime: out.mime, dataBase64: out.data.toString('base64'), articles: articles.length };
  }

  /** Citations (GB/T 7714, RIS, CSL-JSON): made in export/citation.ts. */
  async getCitation(req: CitationRequest): Promise<CitationResult> {
    return citeArticles(req, (ids) => store.getArticles(this.ctx.db, ids));
  }
}
