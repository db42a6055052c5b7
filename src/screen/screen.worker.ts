// The screening engine (src/core/screen, pure) on a thread of its own: 10,000 rows take seconds
// of lookups, and on the page's main thread even short slices of them delay frames and leave
// their garbage to the page's collector. One worker screens one list and is ended when the list
// is cancelled or replaced. It has the bundled data built in and gets the list's text and the
// organisation's list with the request; it sends rows back every few milliseconds, so the progress
// bar moves.
import { dataset } from '../core/dataset';
import { createScreener, inputRows } from '../core/screen/screen';
import { readTable } from '../core/screen/table';
import { entryKey, toWire, type ScreenBatch, type ScreenRequest } from '../core/screen/wire';

const BATCH_MS = 25;

onmessage = ({ data: req }: MessageEvent<ScreenRequest>) => {
  const read = readTable(req.text, req.separator);
  const input = 'table' in read ? inputRows(read.table, req.header) : read;
  // The page read the same text the same way before asking, so this does not happen.
  if ('error' in input) throw new Error(`screening worker: ${input.error.code}`);
  const screener = createScreener({ dataset, orgVendors: req.orgVendors, orgRulings: req.orgRulings }, { audience: req.audience, today: req.today });
  const rows = input.rows;
  const sent = new Set<string>();
  let batch: ScreenBatch = { rows: [], verdicts: [], done: 0, total: rows.length };
  let since = performance.now();
  rows.forEach((row, i) => {
    const result = screener.row(row, req.columns);
    const v = result.match?.verdict;
    if (v && !sent.has(entryKey(v))) {
      sent.add(entryKey(v));
      batch.verdicts.push([entryKey(v), v]);
    }
    batch.rows.push(toWire(result));
    if (i === rows.length - 1 || performance.now() - since > BATCH_MS) {
      postMessage({ ...batch, done: i + 1 });
      batch = { rows: [], verdicts: [], done: 0, total: rows.length };
      since = performance.now();
    }
  });
  close(); // done: the page need not end this worker on its own thread
};
