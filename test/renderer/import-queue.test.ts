/** The import form's queue: dates as ISO text, "for all rows" values, and one batch per set of overrides. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The renderer's api through a stub desktop bridge: every file name reads as 大众日报, page 1.
vi.hoisted(() => {
  (globalThis as { window?: unknown }).window = { baoku: { call: async () => ({ ok: true, value: { paper: '大众日报', page: 1 } }) } };
});
import { dateProblem, normalizeDate } from '../../src/renderer/src/lib/dates';
import { allRows, buildBatches, clearPending, pending, queuePaths, setForAllRows, updatePending } from '../../src/renderer/src/lib/import-queue';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('import queue', () => {
  beforeEach(() => clearPending());

  it('reads dates as YYYY-MM-DD and names what is wrong in Chinese', () => {
    expect(dateProblem('')).toBeNull();
    expect(dateProblem('1998-01-01')).toBeNull();
    expect(dateProblem('01/01/1998')).toMatch(/YYYY-MM-DD/);
    expect(dateProblem('1998-02-30')).toMatch(/没有 1998-02-30 这一天/);
    expect(normalizeDate('1998/1/1')).toBe('1998-01-01');
    expect(normalizeDate('1998年1月2日')).toBe('1998-01-02');
    expect(normalizeDate('01/01/1998')).toBe('01/01/1998');
  });

  it('fills every row from the "for all rows" paper and batches rows with the same overrides together', async () => {
    queuePaths(['/x/a.txt', '/x/b.txt', '/x/c.txt']);
    await settle();
    expect(pending.get().map((f) => f.paper)).toEqual(['大众日报', '大众日报', '大众日报']);
    setForAllRows('paper', '齐鲁晚报');
    expect(pending.get().map((f) => f.paper)).toEqual(['齐鲁晚报', '齐鲁晚报', '齐鲁晚报']);
    // Files added later get it too.
    queuePaths(['/x/d.txt']);
    await settle();
    expect(pending.get()[3].paper).toBe('齐鲁晚报');
    updatePending(pending.get()[2].key, { date: '1998-01-03' });
    const batches = await buildBatches(pending.get());
    expect(batches).toEqual([
      { paths: ['/x/a.txt', '/x/b.txt', '/x/d.txt'], paper: '齐鲁晚报' },
      { paths: ['/x/c.txt'], paper: '齐鲁晚报', date: '1998-01-03' },
    ]);
    // Emptied: the rows go back to what the file names say, and nothing is overridden.
    setForAllRows('paper', '');
    expect(allRows.get().paper).toBe('');
    expect(pending.get().map((f) => f.paper)).toEqual(['大众日报', '大众日报', '大众日报', '大众日报']);
    const again = await buildBatches(pending.get().filter((f) => f.name !== 'c.txt'));
    expect(again).toEqual([{ paths: ['/x/a.txt', '/x/b.txt', '/x/d.txt'] }]);
  });

  it('does not apply a "for all rows" date until it is a real date', () => {
    queuePaths(['/x/a.txt']);
    setForAllRows('date', '1998-02-3');
    expect(pending.get()[0].date).toBe('');
    setForAllRows('date', '1998-02-03');
    expect(pending.get()[0].date).toBe('1998-02-03');
  });
});
