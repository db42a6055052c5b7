// `npm run data:watch`: what the official sources published since each ruling was last verified.
// For maintainers and a scheduled CI job; never part of the extension.
//
//   npm run data:watch [-- --json]
// Exit status: 0 nothing to review, 1 something to review, 2 a source could not be checked.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Dataset } from '../../src/core/dataset/schema';
import { today } from '../../src/core/dates';
import { fetchText as realFetch, type FetchText } from './fetch';
import { formatReport, offlineLine } from './report';
import { exitCode, runWatch } from './watch';

export async function main(argv: string[], root: string, fetchText: FetchText = realFetch): Promise<number> {
  let json: boolean;
  try {
    json = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } } }).values.json;
  } catch (e) {
    console.error(`data:watch: ${(e as Error).message}\nUsage: npm run data:watch [-- --json]`);
    return 2;
  }
  const ds = JSON.parse(readFileSync(resolve(root, 'src/data/dataset.json'), 'utf8')) as Dataset;
  const result = await runWatch(ds, fetchText, today());
  const offline = offlineLine(result);
  if (json) console.log(JSON.stringify(result, null, 2));
  else if (offline) console.error(offline);
  else console.log(formatReport(ds, result));
  return exitCode(result);
}
