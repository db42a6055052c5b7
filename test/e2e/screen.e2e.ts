// The supplier-screening page in Chromium with the built extension: the fixture supplier list put
// on the page as a user would (the file input), every row's result checked through the CSV export
// against the shared expectations file, filters, sorting, keyboard navigation, the printable
// report, accessibility, and that nothing leaves the device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import expectations from '../fixtures/screen/expectations.json';
import { dataset } from '../../src/core/dataset';
import { axeViolations, launch, screenshot, type Harness } from './harness';

const FIXTURE = resolve('test/fixtures/screen/suppliers.csv');
const rows = expectations.rows as { row: number; name: string; website: string; group: string; expect: string | null; confidence?: string }[];
const nameOf = (ref: string) => {
  const [kind, id] = ref.split(':');
  const list = kind === 'vendor' ? dataset.vendors : kind === 'not-restricted' ? dataset.notRestricted : dataset.reportedLinks;
  return list.find((e) => e.id === id)!.name;
};

let h: Harness;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  h = await launch();
  page = await h.context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(h.url('src/screen/index.html'));
});
afterAll(async () => {
  await h?.close();
});

const status = () => page.locator('.status-line').textContent();
// The rows appear a frame or two after the status line; the section is busy until then.
const tableDrawn = (p: Page) => expect.poll(() => p.locator('section.results').getAttribute('aria-busy')).toBe('false');
const visibleRows = () => page.locator('.results-table tbody tr:not(.spacer)');

async function exported(): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff); // so Excel reads it as UTF-8
  expect(download.suggestedFilename()).toMatch(/^suppliers-banwatch-\d{4}-\d{2}-\d{2}\.csv$/);
  return Papa.parse<string[]>(text.slice(1).trim()).data;
}

describe('screening page', () => {
  it('screens the fixture file put on the page, with the guessed columns', async () => {
    await page.setInputFiles('#file-input', FIXTURE);
    await expect.poll(status, { timeout: 30_000 }).toMatch(/^Screened 253 rows against BanWatch's data as of/);
    await tableDrawn(page);
    expect(await page.locator('.column.on .column-title').allTextContents()).toEqual(expectations.columns);
    expect(await visibleRows().count()).toBeGreaterThan(5);
    expect(await visibleRows().count()).toBeLessThan(60); // virtualised: only the rows in view exist
    await screenshot(page, 'screen-results-light');
  });

  it('gives every row its expected result (checked through the CSV export)', async () => {
    const csv = await exported();
    const header = csv[0]!;
    expect(header.slice(0, 5)).toEqual(['Row', 'Supplier name', 'Website', 'Result', 'Matched entry']);
    const col = (name: string) => header.indexOf(name);
    const lines = csv.slice(1);
    expect(lines.map((l) => Number(l[0]))).toEqual(rows.map((e) => e.row));
    for (const [i, e] of rows.entries()) {
      const l = lines[i]!;
      expect([l[1], l[2]], `row ${e.row}`).toEqual([e.name, e.website].map((c) => (/^[=+\-@]/.test(c) ? `'${c}` : c)));
      expect(l[col('Matched entry')], `row ${e.row}`).toBe(e.expect ? nameOf(e.expect) : '');
      expect(l[col('Confidence')], `row ${e.row}`).toBe(e.confidence ? e.confidence[0]!.toUpperCase() + e.confidence.slice(1) : '');
      const result = l[col('Result')]!;
      if (!e.expect) expect(result, `row ${e.row}`).toMatch(e.name || e.website ? /^No match in BanWatch's data as of / : /^Nothing to look up/);
      else if (e.expect.startsWith('not-restricted:')) expect(result).toBe('Not restricted');
      else if (e.expect.startsWith('reported-link:')) expect(result).toMatch(/^Reported link to .*, not established$/);
      else expect(result, `row ${e.row}`).toMatch(/^(Prohibited|Restricted|Listed|Watch|Listed vendor, nothing in force today)$/);
      expect(l.slice(-2)).toEqual([dataset.meta.version, dataset.meta.reviewedOn]);
      for (const cell of l) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('filters (matched, not restricted) and exports only what is shown', async () => {
    await page.selectOption('#filter-show', 'matched');
    await page.selectOption('#filter-result', 'not-restricted');
    const want = rows.filter((e) => e.expect?.startsWith('not-restricted:'));
    await expect.poll(() => page.locator('#table-hint').textContent()).toMatch(new RegExp(`^Showing ${want.length} of 253 rows`));
    for (const chip of await page.locator('.results-table tbody .c-result .chip').allTextContents()) expect(chip).toBe('Not restricted');
    const csv = await exported();
    expect(csv.slice(1).map((l) => Number(l[0]))).toEqual(want.map((e) => e.row));
    await page.selectOption('#filter-result', 'any');
    await page.selectOption('#filter-show', 'unmatched');
    await expect.poll(() => page.locator('#table-hint').textContent()).toMatch(new RegExp(`^Showing ${rows.filter((e) => !e.expect).length} of`));
    await page.selectOption('#filter-show', 'all');
    await page.selectOption('#filter-confidence', 'high');
    await expect.poll(() => page.locator('#table-hint').textContent()).toMatch(new RegExp(`^Showing ${rows.filter((e) => !e.expect || e.confidence === 'high').length} of`));
    await page.selectOption('#filter-confidence', 'low');
  });

  it('sorts by a column title and moves through rows by keyboard, the detail panel following', async () => {
    await page.getByRole('button', { name: 'Result' }).click();
    await expect.poll(() => page.locator('th.c-result').getAttribute('aria-sort')).toBe('ascending');
    expect(await visibleRows().first().locator('.c-result').textContent()).toBe('Prohibited');
    await page.getByRole('button', { name: 'Row' }).click();
    await visibleRows().first().click();
    await expect.poll(() => page.locator('.detail').textContent()).toContain('Row 2');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('.detail').textContent()).toContain('Row 3');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-row'))).toBe('3');
    await page.keyboard.press('End');
    await expect.poll(() => page.locator('.detail').textContent()).toContain(`Row ${rows.at(-1)!.row}`);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-row'))).toBe(String(rows.at(-1)!.row));
    await page.keyboard.press('Home');
    await page.keyboard.press('PageDown');
    const after = Number(await page.evaluate(() => document.activeElement?.getAttribute('data-row')));
    expect(after).toBeGreaterThan(5);
    await page.keyboard.press('Home');
    await expect.poll(() => page.locator('.detail').textContent()).toContain('Hikvision');
    const detail = (await page.locator('.detail').textContent()) ?? '';
    expect(detail).toContain('Same as its name');
    expect(detail).toContain('What this means for you');
    expect(await page.locator('.detail .sources a').count()).toBeGreaterThan(0);
  });

  it('explains unmatched rows without calling them safe', async () => {
    await page.selectOption('#filter-show', 'unmatched');
    const first = rows.find((e) => !e.expect)!;
    await page.locator(`.results-table tr[data-row="${first.row}"]`).click();
    const detail = (await page.locator('.detail').textContent()) ?? '';
    expect(detail).toContain("No match in BanWatch's data as of");
    expect(detail).toContain('not a clearance');
    expect((await page.locator('main').textContent())!.toLowerCase()).not.toMatch(/\bsafe\b/);
    await page.selectOption('#filter-show', 'all');
  });

  it('is accessible and looks right in light, dark and print', async () => {
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'screen-results-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    // The report is rendered for printing only (beforeprint), as Ctrl+P or the button would.
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const report = (await page.locator('#print-root').textContent()) ?? '';
    expect(report).toContain('Supplier screening report');
    expect(report).toContain(`Dataset ${dataset.meta.version}`);
    expect(report).toContain('Read it yourself');
    expect(await page.locator('#print-root .report-table tbody tr').count()).toBe(rows.length);
    expect(await page.locator('#print-root .report-sources li').count()).toBeGreaterThan(3);
    expect(await page.locator('#app').isVisible()).toBe(false);
    await screenshot(page, 'screen-print');
    await page.pdf({ path: 'test-results/screen-report.pdf', format: 'A4' }); // the real print output, to look at
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    expect(await page.locator('#print-root').innerHTML()).toBe('');
  });

  it('keeps everything on the device', () => {
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((u) => !u.startsWith(`chrome-extension://${h.extensionId}/`))).toEqual([]);
  });
});

describe('input that is not a supplier list', () => {
  it('says why, in one line, and keeps the page usable', async () => {
    const p = await h.context.newPage();
    await p.goto(h.url('src/screen/index.html'));
    await p.setInputFiles('#file-input', { name: 'book.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]) });
    await expect.poll(() => p.locator('[role=alert]').textContent()).toContain('spreadsheet workbook');
    await p.fill('#paste-input', 'EZVIZ\nImou\nAnzu\nLorex\nUltraAV\nHonor\n');
    // Record the section's busy state as it changes: busy while the rows are drawn, then not.
    await p.evaluate(() => {
      const seen: (string | null)[] = ((window as unknown as { busy: (string | null)[] }).busy = []);
      new MutationObserver(() => {
        const now = document.querySelector('section.results')?.getAttribute('aria-busy') ?? null;
        if (now !== seen.at(-1)) seen.push(now);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await p.getByRole('button', { name: 'Screen pasted list' }).click();
    await expect.poll(() => p.locator('.status-line').textContent()).toMatch(/^Screened 6 rows/);
    await tableDrawn(p);
    expect(await p.evaluate(() => (window as unknown as { busy: string[] }).busy.filter(Boolean))).toEqual(['true', 'false']);
    expect(await p.locator('[role=alert]').count()).toBe(0);
    expect(await p.locator('.results-table tbody tr:not(.spacer) .c-entry').allTextContents()).toEqual(['Hikvision', 'Dahua', 'Anzu Robotics', 'Lorex', 'UltraAV', 'Honor']);
    await screenshot(p, 'screen-pasted-light');
    await p.close();
  });
});

describe('reaching the page', () => {
  it('opens from the popup and from the options page', async () => {
    const popup = await h.context.newPage();
    await popup.goto(h.url('src/popup/index.html'));
    const [fromPopup] = await Promise.all([h.context.waitForEvent('page'), popup.getByRole('button', { name: 'Screen a supplier list' }).click()]);
    await fromPopup.waitForURL(/src\/screen\/index\.html$/);
    await expect.poll(() => fromPopup.locator('h1').textContent()).toBe('Supplier screening');
    await fromPopup.close();
    await popup.close();
    const options = await h.context.newPage();
    await options.goto(h.url('src/options/index.html'));
    const [fromOptions] = await Promise.all([h.context.waitForEvent('page'), options.getByRole('link', { name: 'Screen a supplier list' }).click()]);
    await fromOptions.waitForURL(/src\/screen\/index\.html$/);
    await fromOptions.close();
    await options.close();
  });
});
