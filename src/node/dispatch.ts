/**
 * Calling a contract method on an object that implements it, by name, with
 * errors turned into user-facing messages.
 */
import type { BaokuApi } from '../shared/api';
import { isApiMethod } from '../shared/api-schema';
import { UserError, type CallContext } from '../core/service';

export type CallOutcome = { value: unknown } | { error: string; code: 'bad-request' | 'not-found' | 'read-only' | 'internal' };

/**
 * The methods that take the carrier's context as their second argument (the search, for its cancel
 * cell). No other method is given it: a second parameter of theirs is the core's own (`reparse`'s
 * progress callback, which the CLI passes), and a context there broke 重新解析 in the app.
 */
const TAKES_CONTEXT: ReadonlySet<string> = new Set(['search']);

export async function dispatch(api: BaokuApi, method: string, arg: unknown, ctx?: CallContext): Promise<CallOutcome> {
  if (!isApiMethod(method)) return { error: `未知的请求：${method}`, code: 'bad-request' };
  try {
    const fn = api[method] as (a: unknown, c?: CallContext) => Promise<unknown>;
    const value = await fn.call(api, arg ?? {}, TAKES_CONTEXT.has(method) ? ctx : undefined);
    return { value: value === undefined ? null : value };
  } catch (err) {
    if (err instanceof UserError) return { error: err.message, code: err.code };
    return { error: `内部错误：${(err as Error).message}`, code: 'internal' };
  }
}
