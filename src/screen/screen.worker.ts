// The screening engine (src/core/screen, pure) on a thread of its own: 10,000 rows take seconds
// of lookups, and on the page's main thread even short slices of them delay frames and leave
// their garbage to the page's collector. One worker screens one list and is ended when the list
// is cancelled or replaced. It has the bundled data built in and gets the organisation's list
// with the request; it sends rows back every few milliseconds, so the progress bar moves.
import { dataset } from '../core/dataset';
import { createScreener } from '../core/screen/screen';
import { toWire, type ScreenBatch, type ScreenRequest, type WireRow } from '../core/screen/wire';

const BATCH_MS = 25;

onmessage = ({ data: req }: MessageEvent<ScreenRequest>) => {
  const screener = createScreener({ dataset, orgVendors: req.orgVendors, orgRulings: req.orgRulings }, { audience: req.audience, today: req.today });
  let batch: WireRow[] = [];
  let since = performance.now();
  req.rows.forEach((row, i) => {
    batch.push(toWire(screener.row(row, req.columns)));
    if (i === req.rows.length - 1 || performance.now() - since > BATCH_MS) {
      postMessage({ rows: batch, done: i + 1 } satisfies ScreenBatch);
      batch = [];
      since = performance.now();
    }
  });
};
