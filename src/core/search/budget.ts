/**
 * A search's work budget: how long it may run, and whether whoever asked is still waiting.
 *
 * Matching in the index is bounded already (at most 31 terms, 8 quoted phrases: `api-schema.ts`);
 * what can still run long is checking phrases and proximity against stored text in SQLite, a
 * chunk of 500 articles at a time. Between chunks the search asks its budget; past the deadline
 * it stops with `查询过于复杂…` (shown in the result list as the answer), and when the carrier says
 * the client left (the HTTP request closed, a newer search from the same window) with `查询已取消`.
 * So one query holds the single core worker for at most the deadline plus one chunk, and `stats`,
 * imports and other users are answered after it.
 *
 * The carrier's signal crosses into the worker as a shared `Int32Array` cell (the worker is busy
 * in synchronous code while a query runs, so a message would wait until it is done); 1 = cancelled.
 */
import { QueryError } from './query';

/** How long one search may take by default (milliseconds). */
export const SEARCH_BUDGET_MS = 5000;

export class QueryBudget {
  private readonly deadline: number;

  constructor(
    readonly ms: number = SEARCH_BUDGET_MS,
    private readonly cancelled?: Int32Array,
  ) {
    this.deadline = performance.now() + ms;
  }

  /** Throws a `QueryError` when the client left or the deadline has passed. */
  check(): void {
    if (this.cancelled && Atomics.load(this.cancelled, 0) === 1) throw new QueryError('查询已取消');
    if (performance.now() >= this.deadline) {
      throw new QueryError(`查询过于复杂：${Math.round(this.ms / 100) / 10} 秒内未能完成，请减少引号短语，或加上日期、版次等条件缩小范围`);
    }
  }
}

/** The budget of a search without one given: the default deadline (`BAOKU_SEARCH_BUDGET_MS` overrides it). */
export function defaultBudget(cancelled?: Int32Array): QueryBudget {
  const env = Number(process.env.BAOKU_SEARCH_BUDGET_MS);
  return new QueryBudget(Number.isFinite(env) && env >= 0 && process.env.BAOKU_SEARCH_BUDGET_MS !== '' ? env : SEARCH_BUDGET_MS, cancelled);
}
