/**
 * Calling a contract method on an object that implements it, by name, with
 * errors turned into user-facing messages.
 */
import type { BaokuApi } from '../shared/api';
import { isApiMethod } from '../shared/api-schema';
import { UserError, type CallContext } from '../core/service';

export type CallOutcome = { value: unknown } | { error: string; code: 'bad-request' | 'not-found' | 'read-only' | 'internal' };

/** `ctx` reaches methods that take it (the search, for its cancel cell); the others ignore it. */
export async function dispatch(api: BaokuApi, method: string, arg: unknown, ctx?: CallContext): Promise<CallOutcome> {
  if (!isApiMethod(method)) return { error: `未知的请求：${method}`, code: 'bad-request' };
  try {
    const fn = api[method] as (a: unknown, c?: CallContext) => Promise<unknown>;
    const value = await fn.call(api, arg ?? {}, ctx);
    return { value: value === undefined ? null : value };
  } catch (err) {
    if (err instanceof UserError) return { error: err.message, code: err.code };
    return { error: `内部错误：${(err as Error).message}`, code: 'internal' };
  }
}
