// `npm run screen -- suppliers.csv` (or the `banwatch-screen` bin): the supplier screening of the
// extension's screening page, from the command line, with the same core (src/core/screen).
//
//   exit 0  screened (and nothing reached --fail-at)
//   exit 1  a row matched a restricted vendor at or above --fail-at
//   exit 2  unreadable input or a wrong option, with a one-line reason on stderr
import { parseArgs } from 'node:util';
import { dataset } from '../core/dataset';
import { AUDIENCES, SEVERITIES, type Audience, type Severity } from '../core/dataset/severity';
import { today } from '../core/dates';
import { columnLetter, columnTitles, guessColumns } from '../core/screen/columns';
import { classText, confidenceText, forYouText, resultText, rulingText, sourcesOf, whyText } from '../core/screen/describe';
import { exportCsv } from '../core/screen/export';
import { countRows, failingRows, resultClass, RESULT_CLASSES } from '../core/screen/results';
import { createScreener, inputRows, type RowResult } from '../core/screen/screen';
import { decodeBytes, readTable, type SeparatorChoice } from '../core/screen/table';
import { msg } from './messages';

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The bytes of a file ('-': standard input); throws as fs.readFileSync does. */
  read(path: string): Uint8Array;
  /** Terminal width for the table, if any. */
  columns?: number;
}

const USAGE = `usage: banwatch-screen [options] <file.csv | file.tsv | ->

Screens a supplier list (CSV or TSV as spreadsheets export it, or one name a line) against
BanWatch's data: restricted vendors, their brands and domains, and names found not restricted.

  --json                   print JSON instead of a table
  --csv                    print CSV (the screening page's export)
  --all                    list unmatched rows in the table too
  --audience <profile>     consumer | business | federal-contractor | everything (default: federal-contractor)
  --fail-at <severity>     exit 1 when a row matches a vendor at this severity or above:
                           prohibited | restricted | listed | watch
  --include-fuzzy          let low-confidence matches (typos, partial names) count for --fail-at
  --columns <list>         columns to look up, by header title or letter (e.g. "Supplier name,C");
                           default: guessed (a name column and a website column)
  --header / --no-header   whether the first row is a header (default: guessed)
  --separator <sep>        auto | comma | semicolon | tab | pipe | line (default: auto)
  --date <YYYY-MM-DD>      read the rulings as on this day (default: today, UTC)
  -h, --help               this text

Exit status: 0 screened, 1 a match at or above --fail-at, 2 unreadable input or a wrong option.
Nothing is sent anywhere: the data is bundled.`;

const SEPARATOR_NAMES: Record<string, SeparatorChoice> = { auto: 'auto', comma: ',', semicolon: ';', tab: '\t', pipe: '|', line: 'line', ',': ',', ';': ';', '|': '|' };

class Refusal extends Error {}

function pickColumns(spec: string, titles: readonly string[]): number[] {
  return spec.split(',').map((raw) => {
    const want = raw.trim();
    const byTitle = titles.findIndex((t) => t.toLowerCase() === want.toLowerCase());
    if (byTitle >= 0) return byTitle;
    const byLetter = titles.findIndex((_, i) => columnLetter(i) === want.toUpperCase());
    if (byLetter >= 0) return byLetter;
    throw new Refusal(`no column "${want}" (columns: ${titles.map((t, i) => `${columnLetter(i)} ${t}`).join(', ')})`);
  });
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function table(rows: readonly RowResult[], width: number): string {
  const lines = rows.map((r) => {
    const m = r.match;
    return [String(r.row), clip(r.cells.filter(Boolean).join(' · '), 34), resultText(r, msg, dataset.meta.reviewedOn, (d) => d), clip(m?.verdict.name ?? '', 24), m ? confidenceText(m, msg) : '', m ? whyText(m, msg) : ''];
  });
  const head = ['Row', 'Looked up', 'Result', 'Entry', 'Confidence', 'Why'];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => clip(cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  '), width);
  return [fmt(head), fmt(widths.map((w) => '─'.repeat(w))), ...lines.map(fmt)].join('\n');
}

function json(rows: readonly RowResult[], titles: readonly string[], audience: Audience, date: string): string {
  return JSON.stringify(
    {
      dataset: { version: dataset.meta.version, reviewedOn: dataset.meta.reviewedOn },
      audience,
      date,
      columns: titles,
      rows: rows.map((r) => {
        const m = r.match;
        const v = m?.verdict;
        return {
          row: r.row,
          cells: r.cells,
          result: resultClass(r),
          text: resultText(r, msg, dataset.meta.reviewedOn, (d) => d),
          ...(m &&
            v && {
              entry: { kind: v.kind, id: v.id, name: v.name, ...(v.kind === 'reported-link' && { vendorId: v.vendorId }) },
              confidence: m.grade.confidence,
              basis: m.grade.basis,
              why: whyText(m, msg),
              severity: v.kind === 'vendor' ? v.severity : null,
              rulings: v.kind === 'vendor' ? v.rulings.map((x) => ({ id: x.id, shortName: x.shortName, agency: x.agency, citations: x.citations, since: x.since, state: x.state, severity: x.severity, text: rulingText(x, msg, (d) => d) })) : [],
              forYou: forYouText(m),
              sources: sourcesOf(m).map((s) => s.url),
            }),
        };
      }),
    },
    null,
    2,
  );
}

/** Runs the CLI; returns the exit status. */
export function run(argv: readonly string[], io: Io): number {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        csv: { type: 'boolean' },
        all: { type: 'boolean' },
        audience: { type: 'string' },
        'fail-at': { type: 'string' },
        'include-fuzzy': { type: 'boolean' },
        columns: { type: 'string' },
        header: { type: 'boolean' },
        'no-header': { type: 'boolean' },
        separator: { type: 'string' },
        date: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.stderr(`banwatch-screen: ${(e as Error).message.split('\n')[0]} (--help for usage)\n`);
    return 2;
  }
  const o = args.values;
  if (o.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  const fail = (reason: string) => {
    io.stderr(`banwatch-screen: ${reason}\n`);
    return 2;
  };
  if (args.positionals.length !== 1) return fail('give one file to screen, or - for standard input (--help for usage)');
  const file = args.positionals[0]!;
  const audience = (o.audience ?? 'federal-contractor') as Audience;
  if (!AUDIENCES.includes(audience)) return fail(`--audience must be one of ${AUDIENCES.join(', ')}`);
  const failAt = o['fail-at'] as Severity | undefined;
  if (failAt !== undefined && !SEVERITIES.includes(failAt)) return fail(`--fail-at must be one of ${SEVERITIES.join(', ')}`);
  const separator = SEPARATOR_NAMES[o.separator ?? 'auto'];
  if (!separator) return fail(`--separator must be one of ${Object.keys(SEPARATOR_NAMES).slice(0, 6).join(', ')}`);
  const date = o.date ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) return fail('--date must be a day like 2026-12-01');
  if (o.json && o.csv) return fail('choose one of --json and --csv');

  let bytes: Uint8Array;
  try {
    bytes = io.read(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code === 'EACCES' ? 'permission denied' : (err.message ?? String(e));
    return fail(`${file}: ${why}`);
  }
  const decoded = decodeBytes(bytes);
  if ('error' in decoded) return fail(`${file}: ${msg(`screenError_${decoded.error.code.replaceAll('-', '_')}`)}`);
  const read = readTable(decoded.text, separator);
  if ('error' in read) return fail(`${file}: ${msg(`screenError_${read.error.code.replaceAll('-', '_')}`)}`);
  const { table: t } = read;
  const guess = guessColumns(t.rows);
  const header = o['no-header'] ? false : o.header ? true : guess.header;
  const titles = columnTitles(t.rows, header, (letter) => msg('screenColumn', letter));
  let columns = guess.columns;
  try {
    if (o.columns) columns = pickColumns(o.columns, titles);
  } catch (e) {
    if (e instanceof Refusal) return fail(e.message);
    throw e;
  }
  const input = inputRows(t, header);
  if ('error' in input) return fail(`${file}: ${msg(`screenError_${input.error.code.replaceAll('-', '_')}`)}`);

  const screener = createScreener({ dataset }, { audience, today: date });
  const rows = input.rows.map((r) => screener.row(r, columns));
  const chosen = columns.map((c) => titles[c]!);

  if (o.csv) io.stdout(exportCsv(rows, { msg, audience, version: dataset.meta.version, asOf: dataset.meta.reviewedOn, columns: chosen, separator: t.separator ?? ',' }));
  else if (o.json) io.stdout(json(rows, chosen, audience, date) + '\n');
  else {
    const shown = o.all ? rows : rows.filter((r) => r.match);
    const c = countRows(rows);
    const parts = RESULT_CLASSES.filter((k) => k !== 'none' && c[k] > 0).map((k) => `${c[k]} ${classText(k, msg).toLowerCase()}`);
    io.stdout(`Screened ${rows.length} rows of ${file} (columns: ${chosen.join(', ')}) for ${msg(`optionsAudience_${audience.replaceAll('-', '_')}`).toLowerCase()}, rulings as on ${date}.\n`);
    if (shown.length) io.stdout(table(shown, io.columns ?? 160) + '\n');
    io.stdout(`${c.matched} matched${parts.length ? ` (${parts.join(', ')})` : ''}${c.low ? `, ${c.low} of them low confidence` : ''}; ${c.none} with no match in BanWatch's data as of ${dataset.meta.reviewedOn} (dataset ${dataset.meta.version})${!o.all && c.none ? ' — --all lists them' : ''}.\n`);
  }

  if (failAt) {
    const failing = failingRows(rows, failAt, o['include-fuzzy']);
    if (failing.length) {
      io.stderr(`banwatch-screen: ${failing.length} row${failing.length === 1 ? '' : 's'} at or above "${failAt}": rows ${failing.slice(0, 10).map((r) => r.row).join(', ')}${failing.length > 10 ? ' …' : ''}\n`);
      return 1;
    }
  }
  return 0;
}
