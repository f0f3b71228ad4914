/**
 * When the search index is written (search/save-scheduler.ts): a burst is one save, a steady
 * trickle still reaches the disk, a batch is saved once at its end. Fake timers, real scheduler.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SaveScheduler } from '../../src/core/search/save-scheduler';

describe('SaveScheduler', () => {
  let saves: number[];
  let s: SaveScheduler;
  beforeEach(() => {
    vi.useFakeTimers();
    saves = [];
    s = new SaveScheduler({ delayMs: 2000, maxWaitMs: 20_000, save: () => saves.push(Date.now()), onError: () => undefined });
  });
  afterEach(() => vi.useRealTimers());

  it('saves a burst of changes once, delayMs after the last', () => {
    const t0 = Date.now();
    for (let i = 0; i < 10; i++) {
      s.changed();
      vi.advanceTimersByTime(500);
    }
    expect(saves).toEqual([]);
    vi.advanceTimersByTime(1500);
    expect(saves).toEqual([t0 + 5000 + 1500]);
    expect(s.pending).toBe(false);
  });

  it('saves a steady trickle no later than maxWaitMs after its first change', () => {
    const t0 = Date.now();
    for (let i = 0; i < 60; i++) {
      s.changed();
      vi.advanceTimersByTime(1000);
    }
    // A change every second never leaves 2 s of quiet: each run of 20 s is saved at its end.
    expect(saves).toEqual([t0 + 20_000, t0 + 40_000, t0 + 60_000]);
  });

  it('holds due saves while a batch runs and saves once at its end', () => {
    const t0 = Date.now();
    s.hold();
    for (let i = 0; i < 100; i++) {
      s.changed();
      vi.advanceTimersByTime(1000);
    }
    expect(saves).toEqual([]);
    s.release();
    vi.advanceTimersByTime(0);
    expect(saves).toEqual([t0 + 100_000]);
  });

  it('a release returned by holdUntilReleased releases its own hold once, however often it is called', () => {
    const outer = s.holdUntilReleased();
    const inner = s.holdUntilReleased();
    s.changed();
    inner();
    inner(); // a second call must not release the outer hold
    vi.advanceTimersByTime(30_000);
    expect(saves).toEqual([]);
    outer();
    vi.advanceTimersByTime(2000);
    expect(saves.length).toBe(1);
  });

  it('back-to-back batches still save: a change that waited maxWaitMs is saved when a batch ends', () => {
    const t0 = Date.now();
    s.changed();
    // Batches back to back (the next starts before any timer can run): every timer falls inside one.
    for (let i = 0; i < 30; i++) {
      s.hold();
      vi.advanceTimersByTime(1000);
      s.release();
      s.changed();
    }
    expect(saves.length).toBeGreaterThanOrEqual(1);
    expect(saves[0] - t0).toBeLessThanOrEqual(21_000);
  });

  it('flush saves only what is pending; saved() forgets it', () => {
    s.flush();
    expect(saves.length).toBe(0);
    s.changed();
    s.flush();
    expect(saves.length).toBe(1);
    s.changed();
    s.saved();
    vi.advanceTimersByTime(60_000);
    expect(saves.length).toBe(1);
  });

  it('reports a failed save and tries again at the next change', () => {
    const errors: string[] = [];
    let fail = true;
    const f = new SaveScheduler({
      delayMs: 10,
      maxWaitMs: 100,
      save: () => {
        if (fail) throw new Error('disk full');
        saves.push(Date.now());
      },
      onError: (e) => errors.push(e.message),
    });
    f.changed();
    vi.advanceTimersByTime(10);
    expect(errors).toEqual(['disk full']);
    expect(f.pending).toBe(true);
    fail = false;
    f.flush();
    expect(saves.length).toBe(1);
    expect(f.pending).toBe(false);
  });
});
