// Screening 10,000 rows without freezing the page: the rows are screened in a worker
// (screen.worker.ts), which sends them back in batches; the page only adds each batch to the
// results (which works out its sort ranks and counts as it goes) and moves the progress bar, so
// it paints and answers input (Cancel) throughout.
import type { Ruling, Vendor } from '../core/dataset/schema';
import { ResultSet } from '../core/screen/results';
import type { Verdict } from '../core/screen/verdict';
import { fromWire, type ScreenBatch, type ScreenRequest } from '../core/screen/wire';

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
  done: Promise<{ results: ResultSet; cancelled: boolean }>;
  cancel(): void;
}

interface ScreenJob extends Omit<ScreenRequest, 'orgVendors' | 'orgRulings'> {
  org: { vendors: Vendor[]; rulings: Ruling[] };
}

export function screenInWorker(job: ScreenJob, onProgress: (done: number) => void): Run {
  const worker = new Worker(new URL('./screen.worker.ts', import.meta.url));
  const results = new ResultSet();
  let finish: (r: { results: ResultSet; cancelled: boolean }) => void = () => undefined;
  let fail: (e: Error) => void = () => undefined;
  const done = new Promise<{ results: ResultSet; cancelled: boolean }>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const verdicts = new Map<string, Verdict>();
  worker.onmessage = ({ data }: MessageEvent<ScreenBatch>) => {
    for (const [key, v] of data.verdicts) verdicts.set(key, v);
    try {
      results.add(data.rows.map((w) => fromWire(w, verdicts)));
    } catch (e) {
      worker.terminate();
      return fail(e as Error);
    }
    onProgress(data.done);
    if (data.done === data.total) finish({ results, cancelled: false }); // the worker has closed itself
  };
  worker.onerror = (e) => {
    worker.terminate();
    fail(new Error(e.message || 'the screening worker failed'));
  };
  const { org, ...rest } = job;
  worker.postMessage({ ...rest, orgVendors: org.vendors, orgRulings: org.rulings } satisfies ScreenRequest);
  return {
    done,
    cancel: () => {
      worker.terminate();
      finish({ results, cancelled: true });
    },
  };
}
