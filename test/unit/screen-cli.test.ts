// The command line (src/cli/screen.ts) on the fixture supplier list, against the same
// expectations file as the engine's unit test and the page's end-to-end test; and the real
// `banwatch-screen` bin in a child process, for its exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import expectations from '../fixtures/screen/expectations.json';
import { dataset } from '../../src/core/dataset';
import { run } from '../../src/cli/screen';

const FIXTURE = 'test/fixtures/screen/suppliers.csv';
const rows = expectations.rows as { row: number; name: string; website: string; group: string; expect: string | null; confidence?: string }[];

function cli(args: string[], files: Record<string, Uint8Array | string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = run(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    read: (path) => {
      if (path in files) return typeof files[path] === 'string' ? new TextEncoder().encode(files[path] as string) : (files[path] as Uint8Array);
      return readFileSync(path);
    },
  });
  return { code, stdout, stderr };
}

interface JsonRow {
  row: number;
  cells: string[];
  result: string;
  text: string;
  entry?: { kind: string; id: string };
  confidence?: string;
  why?: string;
  rulings?: { citations: string[]; since: string | null }[];
}

describe('banwatch-screen on the fixture', () => {
  const out = cli([FIXTURE, '--json', '--date', '2026-12-01']);
  const json = JSON.parse(out.stdout) as { dataset: { version: string; reviewedOn: string }; audience: string; columns: string[]; rows: JsonRow[] };

  it('gives every row its expected result (--json)', () => {
    expect(out.code).toBe(0);
    expect(json.columns).toEqual(expectations.columns);
    expect(json.rows.map((r) => r.row)).toEqual(rows.map((e) => e.row));
    const got = json.rows.map((r) => ({ row: r.row, expect: r.entry ? `${r.entry.kind}:${r.entry.id}` : null, confidence: r.confidence ?? null }));
    expect(got).toEqual(rows.map((e) => ({ row: e.row, expect: e.expect, confidence: e.confidence ?? null })));
  });

  it('says what the data is and when, and never "safe"', () => {
    expect(json.dataset).toEqual({ version: dataset.meta.version, reviewedOn: dataset.meta.reviewedOn });
    expect(json.audience).toBe('federal-contractor');
    const none = json.rows.filter((r) => r.result === 'none' && r.cells.some(Boolean));
    expect(none.length).toBeGreaterThan(50);
    for (const r of none) expect(r.text).toBe(`No match in BanWatch's data as of ${dataset.meta.reviewedOn}`);
    expect(out.stdout.toLowerCase()).not.toMatch(/\bsafe\b/);
    const vendor = json.rows.find((r) => r.entry?.kind === 'vendor' && r.rulings?.length);
    expect(vendor?.rulings?.[0]?.citations.length).toBeGreaterThan(0);
  });

  it('prints a table of the matched rows and a summary by default, every row with --all', () => {
    const table = cli([FIXTURE]);
    expect(table.code).toBe(0);
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Screened 253 rows of .*suppliers\.csv \(columns: Supplier name, Website\)/);
    expect(lines[1]).toMatch(/^Row\s+Looked up\s+Result\s+Entry\s+Confidence\s+Why/);
    const matched = rows.filter((e) => e.expect).length;
    expect(lines).toHaveLength(matched + 4);
    expect(lines.at(-1)).toMatch(new RegExp(`^${matched} matched \\(.*\\).*; ${rows.length - matched} with no match in BanWatch's data as of`));
    expect(table.stdout).toContain('Hikvision USA Inc.');
    expect(table.stdout).not.toContain('Siemens AG');
    expect(cli([FIXTURE, '--all']).stdout).toContain('Siemens AG');
  });

  it('prints the page\'s CSV export with --csv', () => {
    const csv = cli([FIXTURE, '--csv']);
    const parsed = Papa.parse<string[]>(csv.stdout.trim()).data;
    expect(parsed[0]!.slice(0, 4)).toEqual(['Row', 'Supplier name', 'Website', 'Result']);
    expect(parsed).toHaveLength(rows.length + 1);
    const injected = parsed.find((l) => l[1]!.includes('HYPERLINK'));
    expect(injected?.[1]).toMatch(/^'=/);
  });

  it('exits 1 at --fail-at, ignoring low-confidence matches unless --include-fuzzy', () => {
    const prohibited = cli([FIXTURE, '--fail-at', 'prohibited', '--json']);
    expect(prohibited.code).toBe(1);
    expect(prohibited.stderr).toMatch(/^banwatch-screen: \d+ rows at or above "prohibited": rows 2, /);
    // Only low-confidence near names: passes, unless they are asked for.
    const low = rows.filter((e) => e.group === 'unrelated' && e.confidence === 'low' && e.expect?.startsWith('vendor:'));
    expect(low.length).toBeGreaterThan(0);
    const names = low.map((e) => e.name).join('\n') + '\n';
    expect(cli(['low.txt', '--fail-at', 'watch'], { 'low.txt': names }).code).toBe(0);
    expect(cli(['low.txt', '--fail-at', 'watch', '--include-fuzzy'], { 'low.txt': names }).code).toBe(1);
    expect(cli(['ok.txt', '--fail-at', 'watch'], { 'ok.txt': 'Siemens AG\nHonor\nAnzu Robotics\n' }).code).toBe(0);
  });

  it('reads lists one name a line, with a chosen column, separator and header', () => {
    const one = cli(['list.txt', '--json'], { 'list.txt': 'Hangzhou Hikvision Digital Technology Co., Ltd.\nSiemens AG\n' });
    expect((JSON.parse(one.stdout) as { rows: JsonRow[] }).rows.map((r) => r.entry?.id ?? null)).toEqual(['hikvision', null]);
    const semi = 'Nr;Lieferant;Land\n1;DJI;CN\n2;Bosch;DE\n';
    const picked = cli(['s.csv', '--json', '--header', '--columns', 'B', '--separator', 'semicolon'], { 's.csv': semi });
    expect((JSON.parse(picked.stdout) as { columns: string[]; rows: JsonRow[] }).rows.map((r) => r.entry?.id ?? null)).toEqual(['dji', null]);
    const headerless = cli(['h.csv', '--json', '--no-header', '--columns', 'Column B'], { 'h.csv': '1,DJI\n2,Honor\n' });
    expect((JSON.parse(headerless.stdout) as { rows: JsonRow[] }).rows.map((r) => r.row)).toEqual([1, 2]);
  });
});

describe('banwatch-screen refuses, in one line, with exit code 2', () => {
  it.each([
    [['missing.csv'], /^banwatch-screen: missing\.csv: no such file\n$/],
    [['test'], /^banwatch-screen: test: is a directory\n$/],
    [['empty.csv'], /^banwatch-screen: empty\.csv: The list is empty\.\n$/],
    [['book.xlsx'], /^banwatch-screen: book\.xlsx: This is a spreadsheet workbook .*Save it as CSV/],
    [['image.png'], /^banwatch-screen: image\.png: This file is not text\./],
    [['header-only.csv'], /no suppliers under it/],
    [['big.csv'], /more than 10,000 rows/],
    [[FIXTURE, '--fail-at', 'severe'], /^banwatch-screen: --fail-at must be one of prohibited, restricted, listed, watch\n$/],
    [[FIXTURE, '--audience', 'ceo'], /--audience must be one of/],
    [[FIXTURE, '--columns', 'Turnover'], /no column "Turnover" \(columns: A Supplier ID, B Supplier name/],
    [[FIXTURE, '--frobnicate'], /^banwatch-screen: Unknown option '--frobnicate'.*\(--help for usage\)\n$/],
    [[], /give one file to screen/],
  ])('%j', (args, message) => {
    const r = cli(args, {
      'empty.csv': '\ufeff\r\n',
      'book.xlsx': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]),
      'image.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'header-only.csv': 'Supplier name,Website\r\n',
      'big.csv': 'Name\n' + 'Acme\n'.repeat(10_001),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
});

describe('the bin (npm run screen / banwatch-screen)', () => {
  it('runs in Node, and exits 0, 1 and 2 as documented', { timeout: 120_000 }, () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.bin['banwatch-screen']).toBe('bin/banwatch-screen.mjs');
    expect(pkg.scripts.screen).toBe('node bin/banwatch-screen.mjs');
    const bin = (...args: string[]) => spawnSync(process.execPath, ['bin/banwatch-screen.mjs', ...args], { encoding: 'utf8' });
    const ok = bin(FIXTURE);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Hikvision USA Inc.');
    expect(bin(FIXTURE, '--fail-at', 'listed').status).toBe(1);
    const dir = mkdtempSync(join(tmpdir(), 'banwatch-cli-'));
    writeFileSync(join(dir, 'x.xlsx'), new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
    const bad = bin(join(dir, 'x.xlsx'));
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const piped = spawnSync(process.execPath, ['bin/banwatch-screen.mjs', '-', '--json'], { input: 'EZVIZ\nImou\nAnzu\nLorex\n', encoding: 'utf8' });
    expect((JSON.parse(piped.stdout) as { rows: JsonRow[] }).rows.map((r) => r.entry?.id)).toEqual(['hikvision', 'dahua', 'anzu-robotics', 'lorex']);
  });
});
