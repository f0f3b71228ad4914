/**
 * The real `baoku` command in its own process, awaited without blocking the test worker: a
 * synchronous spawn holds vitest's worker for the whole run, and on a busy machine a CLI start
 * (jieba, SQLite) can outlast vitest's 60 s RPC timeout ("Timeout calling onTaskUpdate").
 */
import { execFile } from 'node:child_process';
import path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd: string; env?: Record<string, string> }): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(REPO, 'bin', 'baoku.mjs'), ...args],
      { cwd: opts.cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20, env: { ...process.env, ...opts.env } },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
