/**
 * A query as a token-level plan, for the peer engines: the same parser and
 * the same query tokens as ours (`parseQuery` + `tokenizeForQuery`), as
 * AND-of-groups, each group an OR of AND-term lists, minus excluded term
 * lists, plus the date/page/reporter filters. Phrase adjacency checks are not
 * replayed on the peers (they match the phrase's terms), so peers do slightly
 * less work on phrase queries than ours.
 */
import type { SearchFilters } from '../src/shared/api';
import { parseQuery } from '../src/core/search/query';
import { tokenizeForQuery } from '../src/core/text/tokenizer';
import { foldForSearch } from '../src/core/text/normalize';

export interface QueryPlan {
  groups: string[][][];
  excluded: string[][];
  dateFrom?: string;
  dateTo?: string;
  pages: number[];
  reporters: string[];
}

export function planQuery(query: string, filters?: SearchFilters): QueryPlan {
  const q = parseQuery(query);
  const groups = q.groups.map((g) => g.map((i) => tokenizeForQuery(i.text)).filter((t) => t.length)).filter((g) => g.length);
  const excluded = q.excluded.map((i) => tokenizeForQuery(i.text)).filter((t) => t.length);
  const plan: QueryPlan = {
    groups,
    excluded,
    dateFrom: q.dateFrom,
    dateTo: q.dateTo,
    pages: [...q.pages],
    reporters: q.reporters.map((r) => foldForSearch(r)),
  };
  if (filters?.dateFrom && (!plan.dateFrom || filters.dateFrom > plan.dateFrom)) plan.dateFrom = filters.dateFrom;
  if (filters?.dateTo && (!plan.dateTo || filters.dateTo < plan.dateTo)) plan.dateTo = filters.dateTo;
  if (filters?.page !== undefined) plan.pages.push(filters.page);
  if (filters?.reporter) plan.reporters.push(filters.reporter);
  return plan;
}

/** Facts the peers filter and sort on, per article id. */
export interface PeerMeta {
  date: string;
  page: number;
  reporters: string[];
}

export function passesFilters(m: PeerMeta | undefined, p: QueryPlan): boolean {
  if (!m) return false;
  if (p.dateFrom && m.date < p.dateFrom) return false;
  if (p.dateTo && m.date > p.dateTo) return false;
  if (p.pages.length && !p.pages.includes(m.page)) return false;
  if (p.reporters.length && !p.reporters.every((r) => m.reporters.includes(r))) return false;
  return true;
}
