/**
 * One contract call as the desktop carries it: validate the argument
 * (`validateArg`), call the core, and answer an envelope. Errors meant for
 * the user (Chinese) pass through; anything else becomes a generic message.
 * No `electron` import, so it is tested against the real core worker.
 */
import type { ApiMethod, BaokuApi } from '../shared/api';
import { validateArg } from '../shared/api-schema';
import type { IpcResult } from '../shared/desktop';

const HAN = /[\u3400-\u9fff]/;
const CODES = new Set(['bad-request', 'not-found', 'read-only', 'internal', 'too-many']);
type Code = NonNullable<Extract<IpcResult, { ok: false }>['code']>;

export const INTERNAL_ERROR = '报库内部出错，请重试；如果一再出现，请重启报库。';

export function failure(e: unknown): IpcResult {
  const msg = e instanceof Error ? e.message : String(e);
  const raw = (e as { code?: unknown } | null)?.code;
  const code: Code = typeof raw === 'string' && CODES.has(raw) ? (raw as Code) : 'internal';
  if (!HAN.test(msg)) console.error('[baoku] core error:', e);
  return { ok: false, error: HAN.test(msg) ? msg.slice(0, 1000) : INTERNAL_ERROR, code };
}

export async function callApi(api: BaokuApi, method: unknown, arg: unknown): Promise<IpcResult> {
  const checked = validateArg(typeof method === 'string' ? method : '', arg);
  if (!checked.ok) return { ok: false, error: checked.error, code: 'bad-request' };
  try {
    const fn = (api as unknown as Record<ApiMethod, (a: unknown) => Promise<unknown>>)[method as ApiMethod];
    const value = await fn.call(api, checked.value);
    return { ok: true, value: value === undefined ? null : value };
  } catch (e) {
    return failure(e);
  }
}
