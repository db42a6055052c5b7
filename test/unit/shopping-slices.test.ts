// The content script's slicing of big pages (src/shop-page/slices.ts), on a fake clock: no
// real time is measured here.
import { describe, expect, it } from 'vitest';
import { inSlices } from '../../src/shop-page/slices';

/** A fake clock advanced by the work itself, and a log of where the pauses fell. */
function setup(costMs: (item: number) => number = () => 0) {
  let t = 0;
  const log: (number | '|')[] = [];
  return {
    log,
    now: () => t,
    work: (item: number) => {
      log.push(item);
      t += costMs(item);
    },
    pause: async () => void log.push('|'),
  };
}
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('inSlices', () => {
  it('does every item once, in order, at most `max` per slice, with no pause after the last', async () => {
    const f = setup();
    expect(await inSlices(range(7), f.work, { max: 3, budgetMs: 1000, pause: f.pause, now: f.now })).toBe(true);
    expect(f.log).toEqual([0, 1, 2, '|', 3, 4, 5, '|', 6]);
  });

  it('ends a slice when its time budget is spent, even below `max`', async () => {
    const f = setup((i) => (i === 1 || i === 4 ? 8 : 1)); // two slow items
    await inSlices(range(6), f.work, { max: 100, budgetMs: 8, pause: f.pause, now: f.now });
    expect(f.log).toEqual([0, 1, '|', 2, 3, 4, '|', 5]);
  });

  it('finishes an item that alone is over budget, and still moves on', async () => {
    const f = setup(() => 50);
    await inSlices(range(3), f.work, { max: 100, budgetMs: 8, pause: f.pause, now: f.now });
    expect(f.log).toEqual([0, '|', 1, '|', 2]);
  });

  it('stops before the next slice once `alive` says no', async () => {
    const f = setup();
    let slices = 0;
    const alive = () => ++slices <= 2;
    expect(await inSlices(range(10), f.work, { max: 3, budgetMs: 1000, pause: f.pause, now: f.now, alive })).toBe(false);
    expect(f.log).toEqual([0, 1, 2, '|', 3, 4, 5, '|']);
  });

  it('does nothing, and does not pause, for no items', async () => {
    const f = setup();
    expect(await inSlices([], f.work, { max: 3, budgetMs: 8, pause: f.pause, now: f.now })).toBe(true);
    expect(f.log).toEqual([]);
  });
});
