/**
 * The renderer's one way to reach the archive: a typed `api: BaokuApi`.
 *
 * Inside Electron the preload's `window.baoku.call(method, arg)` carries the
 * call (answering `{ok, value | error}`); in a browser it is `POST /api/<method>`
 * with the argument as JSON body. A `?token=…` in the page URL (LAN sharing)
 * is sent as `Authorization: Bearer <token>` on every HTTP call.
 */
import type { ApiMethod, BaokuApi } from '../../shared/api';
import { baokuBridge } from './lib/bridge';

/** An error whose message is meant for the user (Chinese). */
export class ApiError extends Error {
  readonly code?: string;
  readonly method: string;
  constructor(message: string, method: string, code?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.method = method;
  }
}

type Caller = (method: ApiMethod, arg: unknown) => Promise<unknown>;

function readToken(): string | undefined {
  try {
    return new URL(window.location.href).searchParams.get('token') ?? undefined;
  } catch {
    return undefined;
  }
}

function httpMessage(status: number): string {
  if (status === 401 || status === 403) return '没有访问权限：请使用分享者给出的完整链接（含 token）重新打开。';
  if (status === 404) return '服务不认识这个请求：请确认报库服务的版本与页面一致，然后刷新页面。';
  if (status === 413) return '上传的文件太大：请分批导入。';
  if (status === 429) return '请求过于频繁：请稍候再试。';
  if (status >= 500) return '报库服务内部出错：请稍后重试；如果一再出现，请重启服务。';
  return `请求失败（HTTP ${status}）：请刷新页面后重试。`;
}

function httpCaller(token: string | undefined): Caller {
  // A first-page search supersedes the one before it (the user typed on): aborting its request
  // tells the host, which cancels the work in the core (`core/search/budget.ts`).
  let searching: AbortController | undefined;
  return async (method, arg) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    let signal: AbortSignal | undefined;
    if (method === 'search' && !(arg as { offset?: number } | undefined)?.offset) {
      searching?.abort();
      searching = new AbortController();
      signal = searching.signal;
    }
    let res: Response;
    try {
      res = await fetch(`api/${method}`, { method: 'POST', headers, body: JSON.stringify(arg ?? {}), signal });
    } catch {
      if (signal?.aborted) throw new ApiError('查询已取消', method, 'cancelled');
      throw new ApiError('无法连接到报库服务：请确认服务仍在运行、网络已连通，然后重试。', method, 'network');
    }
    const text = await res.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        if (!res.ok) throw new ApiError(httpMessage(res.status), method, 'internal');
        throw new ApiError('报库服务的回答无法解析：请刷新页面后重试。', method, 'internal');
      }
    }
    if (!res.ok) {
      const err = body as { error?: unknown; code?: unknown } | undefined;
      const message = typeof err?.error === 'string' && err.error ? err.error : httpMessage(res.status);
      throw new ApiError(message, method, typeof err?.code === 'string' ? err.code : undefined);
    }
    return body;
  };
}

function ipcCaller(): Caller | undefined {
  const bridge = baokuBridge();
  if (!bridge) return undefined;
  return async (method, arg) => {
    let env;
    try {
      env = await bridge.call(method, arg ?? {});
    } catch (e) {
      throw new ApiError(`调用失败：${e instanceof Error ? e.message : String(e)}。请重启报库后重试。`, method, 'internal');
    }
    if (env && env.ok) return env.value;
    throw new ApiError(env?.error || '操作失败：请重试。', method, env?.code);
  };
}

const call: Caller = ipcCaller() ?? httpCaller(readToken());

/** The archive, typed by the shared contract. */
export const api: BaokuApi = new Proxy({} as BaokuApi, {
  get(_target, prop) {
    if (typeof prop !== 'string') return undefined;
    return (arg: unknown) => call(prop as ApiMethod, arg);
  },
});

/** Turns anything thrown into a sentence for the user. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return `出错了：${e.message}`;
  return '出错了：请重试。';
}
