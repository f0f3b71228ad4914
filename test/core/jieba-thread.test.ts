/**
 * jieba in its own thread (text/jieba.ts, jieba-thread.ts): what the first searches use while
 * this thread has not loaded jieba. Its cuts must be this thread's, words added before or
 * after it started included, and the index terms of a query the same either way; keywords
 * come from a copy with the IDF table.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertWords, keywordJieba, loadJieba, queryJieba, startJieba } from '../../src/core/text/jieba';
import { JiebaThread } from '../../src/core/text/jieba-thread';
import { REPO } from './helpers';
import { tokenizeForIndex, tokenizeForQuery } from '../../src/core/text/tokenizer';

const TEXT = '中央经济工作会议在北京举行，淄博高新区的钱学敏代表发言。香港特別行政區';

describe('jieba in its own thread', () => {
  it('answers as this thread’s jieba does, with the words added before and after it started, until this thread loads its own', () => {
    insertWords(['钱学敏']); // before the thread exists: handed over when it starts
    startJieba();
    const thread = queryJieba();
    expect(thread).toBeInstanceOf(JiebaThread);
    insertWords(['淄博高新区']); // queued to the running thread
    const viaThread = {
      cut: thread.cut(TEXT, true),
      search: thread.cutForSearch(TEXT, true),
      query: tokenizeForQuery('钱学敏 淄博高新区 经济工作'),
      index: [...tokenizeForIndex(TEXT)],
      extract: keywordJieba().extract(TEXT, 5).map((k) => k.word),
    };
    // The query thread loads without the IDF table: it refuses to extract rather than answer wrongly.
    expect(() => thread.extract(TEXT, 5)).toThrow(/IDF/);
    expect(keywordJieba()).toBeInstanceOf(JiebaThread);
    expect(keywordJieba()).not.toBe(thread);
    expect(viaThread.cut).toContain('钱学敏');
    expect(viaThread.cut).toContain('淄博高新区');

    const own = loadJieba();
    expect(queryJieba()).toBe(own); // this thread's copy from now on; the threads are ended
    expect(keywordJieba()).toBe(own);
    expect(own.cut(TEXT, true)).toEqual(viaThread.cut);
    expect(own.cutForSearch(TEXT, true)).toEqual(viaThread.search);
    expect(own.extract(TEXT, 5).map((k) => k.word)).toEqual(viaThread.extract);
    expect(tokenizeForQuery('钱学敏 淄博高新区 经济工作')).toEqual(viaThread.query);
    expect(tokenizeForIndex(TEXT + ' ')).toEqual(viaThread.index);
    expect(() => thread.cut('经济', true)).toThrow(/jieba 线程不可用/);
  });
});

describe('a process that ends while jieba’s thread is loading', () => {
  // Ending the process while the thread is inside nodejieba's native load aborted it (SIGABRT,
  // "terminate called after throwing an instance of 'Napi::Error'"): a `baoku` command refused
  // within the first ~100 ms died instead of exiting 1. The window is a few ms wide, so the
  // end is swept across the load, a few processes at a time (which also stretches the load).
  it('ends cleanly (exit 0, no signal) wherever in the load it ends', async () => {
    const script = path.join(REPO, 'test', 'fixtures', 'scripts', 'exit-while-jieba-loads.ts');
    const run = (delay: number) =>
      new Promise<{ delay: number; code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [path.join(REPO, 'bin', 'run-ts.mjs'), script, String(delay)], { cwd: REPO });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code, signal) => resolve({ delay, code, signal, stderr }));
      });
    const delays = Array.from({ length: 36 }, (_, i) => i * 4);
    const ended: Awaited<ReturnType<typeof run>>[] = [];
    for (let i = 0; i < delays.length; i += 3) ended.push(...(await Promise.all(delays.slice(i, i + 3).map(run))));
    expect(ended.filter((e) => e.code !== 0 || e.signal)).toEqual([]);
  }, 180_000);
});
