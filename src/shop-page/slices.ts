// Bounded slices of work for big pages (a 5 MB listing, 10,000 results at once): at most `max`
// items and about `budgetMs` per slice, then the page gets the main thread back.

interface SliceOptions {
  /** Items per slice at most. */
  max: number;
  /** Time per slice at most (checked after each item, so one slow item still finishes). */
  budgetMs: number;
  /** Waits between slices. */
  pause: () => Promise<void>;
  /** Checked before every slice: false stops the work (the page's settings changed, say). */
  alive?: () => boolean;
  now?: () => number;
}

/** Runs `work` on every item in order, in slices; false when stopped by `alive`. */
export async function inSlices<T>(items: readonly T[], work: (item: T) => void, o: SliceOptions): Promise<boolean> {
  const now = o.now ?? (() => performance.now());
  let i = 0;
  while (i < items.length) {
    if (o.alive && !o.alive()) return false;
    const end = Math.min(items.length, i + o.max);
    const until = now() + o.budgetMs;
    while (i < end) {
      work(items[i++]!);
      if (now() >= until) break;
    }
    if (i < items.length) await o.pause();
  }
  return true;
}

type Yielding = { scheduler?: { yield?: () => Promise<void> } };

/** Lets the page's pending tasks (input first) run: scheduler.yield() where there is one, else a new task. */
export function nextTask(): Promise<void> {
  const s = (globalThis as Yielding).scheduler;
  return s?.yield ? s.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves in the task after the next frame, so each slice of DOM writes gets a frame (style
 * and layout) of its own instead of several slices piling into one long frame. Hidden tabs
 * draw no frames: then after `fallbackMs`.
 */
export function afterFrame(fallbackMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, fallbackMs);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      setTimeout(resolve, 0);
    });
  });
}
