/**
 * One contract call as the desktop carries it: validate the argument
 * (`validateArg`), call the core, and answer an envelope. Errors meant for
 * the user (Chinese) pass through; anything else becomes a generic message.
 * No `electron` import, so it is tested against the real core worker.
 */
import path from 'node:path';
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

/**
 * The paths the user chose in main's open dialogs: the only ones the page may
 * ask to import (a drop arrives as file contents, not paths). Held by main,
 * never by the page, so a compromised or confused page cannot import
 * `/etc/passwd` or a private key and read it back through `getRawText`.
 */
export class PathGrants {
  private readonly granted = new Set<string>();
  private static readonly MAX = 100_000;

  grant(paths: readonly string[]): void {
    for (const p of paths) {
      if (this.granted.size >= PathGrants.MAX) this.granted.delete(this.granted.values().next().value as string);
      this.granted.add(path.resolve(p));
    }
  }

  allows(p: string): boolean {
    return this.granted.has(path.resolve(p));
  }
}

/**
 * The search a window has in flight: a newer first-page search from the same window cancels the
 * older one (the user typed on), so the core stops working for an answer nobody will read.
 */
export class SearchSlot {
  private current?: AbortController;

  /** The signal of a new search; aborts the one before it. */
  next(): AbortSignal {
    this.current?.abort();
    this.current = new AbortController();
    return this.current.signal;
  }
}

/** The core worker takes a cancel signal with a call; an in-process core (tests) does not. */
type Cancellable = { callWithSignal?: (method: string, arg: unknown, signal: AbortSignal) => Promise<unknown> };

export const NOT_CHOSEN = '只能导入在“选择文件/文件夹”对话框中选中的路径；其他文件请拖入窗口';

/**
 * Validate, check import paths against `grants` (without grants, no path is
 * allowed), call the core, answer an envelope. With `searches`, a first-page
 * search supersedes the window's previous one (see `SearchSlot`).
 */
export async function callApi(api: BaokuApi, method: unknown, arg: unknown, grants?: PathGrants, searches?: SearchSlot): Promise<IpcResult> {
  const checked = validateArg(typeof method === 'string' ? method : '', arg);
  if (!checked.ok) return { ok: false, error: checked.error, code: 'bad-request' };
  if (method === 'startImport') {
    const paths = (checked.value as { paths?: string[] }).paths ?? [];
    const refusedPath = paths.find((p) => !grants?.allows(p));
    if (refusedPath !== undefined) return { ok: false, error: `${NOT_CHOSEN}（${refusedPath.slice(0, 300)}）`, code: 'bad-request' };
  }
  try {
    const worker = api as Cancellable;
    const firstPage = method === 'search' && !((checked.value as { offset?: number }).offset ?? 0);
    const fn = (api as unknown as Record<ApiMethod, (a: unknown) => Promise<unknown>>)[method as ApiMethod];
    const value =
      firstPage && searches && worker.callWithSignal ? await worker.callWithSignal('search', checked.value, searches.next()) : await fn.call(api, checked.value);
    return { ok: true, value: value === undefined ? null : value };
  } catch (e) {
    return failure(e);
  }
}
