// Screening 10,000 rows without freezing the page: rows are screened in slices of a few
// milliseconds, yielding to the browser between slices (input, painting, the Cancel button).
import type { InputRow, RowResult, Screener } from '../core/screen/screen';

const SLICE_MS = 8;

/** Yields to the event loop; a MessageChannel message is not throttled like setTimeout(0). */
export function yieldToBrowser(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => resolve();
    port2.postMessage(null);
  });
}

export interface Run {
  /** Resolves with the rows screened (all of them, or those before Cancel). */
  done: Promise<{ results: RowResult[]; cancelled: boolean }>;
  cancel(): void;
}

export function screenInSlices(rows: readonly InputRow[], columns: readonly number[], screener: Screener, onProgress: (done: number) => void): Run {
  let cancelled = false;
  const results: RowResult[] = [];
  const done = (async () => {
    let i = 0;
    while (i < rows.length && !cancelled) {
      const start = performance.now();
      while (i < rows.length && performance.now() - start < SLICE_MS) results.push(screener.row(rows[i++]!, columns));
      onProgress(i);
      await yieldToBrowser();
    }
    return { results, cancelled };
  })();
  return {
    done,
    cancel: () => {
      cancelled = true;
    },
  };
}
