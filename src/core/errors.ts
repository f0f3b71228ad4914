/**
 * Errors whose message is for the person at the keyboard (one line, Chinese):
 * the CLI prints it and exits 1, the HTTP host and IPC pass it to the UI with
 * its `code` (mapped once, in `node/dispatch.ts`). The store and the services
 * throw the kind that says what went wrong (`NotFound`, `BadInput`); callers
 * never sort errors by their text. Anything else thrown in the core is an
 * internal error (exit 2, stack trace).
 */
import fs from 'node:fs';
import path from 'node:path';

export class UserError extends Error {
  code: 'bad-request' | 'not-found' | 'read-only';
  constructor(message: string, code: 'bad-request' | 'not-found' | 'read-only' = 'bad-request') {
    super(message);
    this.code = code;
  }
}

/** The thing asked for is not in the archive (an id or a name that is gone): `code` `not-found`. */
export class NotFound extends UserError {
  constructor(message: string) {
    super(message, 'not-found');
    this.name = 'NotFound';
  }
}

/** The request cannot be carried out as asked (an empty name, a field that cannot be corrected): `code` `bad-request`. */
export class BadInput extends UserError {
  constructor(message: string) {
    super(message, 'bad-request');
    this.name = 'BadInput';
  }
}

/**
 * Something about this machine, not about the archive or the program, stands
 * in the way (no browser for PDF, no Chinese fonts, a folder that cannot be
 * written, a port in use). The message says what, and how to fix it.
 */
export class EnvironmentError extends UserError {
  constructor(message: string) {
    super(message, 'bad-request');
    this.name = 'EnvironmentError';
  }
}

const WHY: Record<string, string> = {
  EACCES: '没有权限',
  EPERM: '没有权限',
  EROFS: '所在的磁盘是只读的',
  ENOTDIR: '路径中有一段是文件而不是文件夹',
  ENOENT: '上级位置不能建文件夹',
  ENOSPC: '磁盘已满',
  EEXIST: '同名的文件已存在',
};

function why(err: unknown, whenMissing = WHY.ENOENT): string {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOENT') return whenMissing!;
  return WHY[code] ?? ((err as Error).message.split('\n')[0] || code);
}

const ARCHIVE = {
  what: '档案库目录',
  fix: '请换一个可写的文件夹（--archive DIR 或环境变量 BAOKU_ARCHIVE），或修改这个文件夹的权限。',
};

/**
 * Makes sure a folder exists and can be written — by default the archive
 * folder, before SQLite is opened there: each missing level is created on its
 * own (Node's recursive mkdir never returns under /proc), then a file is
 * written and removed. Throws an EnvironmentError naming the folder, the
 * reason and the fix.
 */
export function ensureWritableDir(dir: string, { what, fix }: { what: string; fix: string } = ARCHIVE): void {
  const FIX = fix;
  const abs = path.resolve(dir);
  const missing: string[] = [];
  let p = abs;
  for (;;) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') {
        throw new EnvironmentError(`无法使用${what} ${abs}：${why(err)}。${FIX}`);
      }
    }
    if (st) {
      if (!st.isDirectory()) throw new EnvironmentError(`无法使用${what} ${abs}：${p} 是文件，不是文件夹。${FIX}`);
      break;
    }
    missing.unshift(p);
    const up = path.dirname(p);
    if (up === p) break;
    p = up;
  }
  for (const m of missing) {
    try {
      fs.mkdirSync(m);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && fs.statSync(m).isDirectory()) continue;
      throw new EnvironmentError(`无法创建${what} ${abs}：${why(err)}。${FIX}`);
    }
  }
  const probe = path.join(abs, `.baoku-write-test-${process.pid}`);
  try {
    fs.writeFileSync(probe, '');
    fs.rmSync(probe, { force: true });
  } catch (err) {
    throw new EnvironmentError(`${what} ${abs} 不可写：${why(err, '不能在其中建文件')}。${FIX}`);
  }
}
