// Screening 10,000 rows without freezing the page: rows are screened in slices of a few
// milliseconds, one slice per animation frame, so the page paints (the progress bar) and answers
// input (Cancel) between slices.
import type { InputRow, RowResult, Screener } from '../core/screen/screen';

const SLICE_MS = 8;

/**
 * Resolves after the browser's next paint. Yielding to the event loop alone is not enough: a
 * stream of short tasks with no frame between them is one long animation frame to the user. A
 * page that paints nothing (a hidden or occluded tab) gets no animation frames, so after 100 ms
 * a plain task yield goes on without one.
 */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    let waiting = true;
    const after = () => {
      if (!waiting) return;
      waiting = false;
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = () => resolve();
      port2.postMessage(null);
    };
    if (document.hidden) after();
    else {
      requestAnimationFrame(after);
      setTimeout(after, 100);
    }
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
      await nextFrame();
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
