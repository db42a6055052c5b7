// What a vendor page's own script can learn about the visitor from the banner: it can tell that
// *something* is there (an extra element, the top layer, a box, text window.find confirms), but
// the answers must be identical whatever the user's audience, and whatever severity that
// audience gives the vendor. Each combination is loaded fresh; the page probes after the
// background has answered (an extension-side signal, no sleep).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { banner } from './banner-probe';

declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

let h: Harness;
let page: Page;
beforeAll(async () => {
  h = await launch();
  page = await h.context.newPage();
});
afterAll(async () => {
  await h?.close();
});

const AUDIENCES = ['consumer', 'business', 'federal-contractor', 'everything'];

/** Page script: everything the page can measure, for the sentences `find`. */
const PROBE = (sentences: string[]) => `(() => {
  const extra = [...document.documentElement.children].filter((e) => !['HEAD', 'BODY'].includes(e.tagName));
  const found = ${JSON.stringify(sentences)}.map((s) => { getSelection().removeAllRanges(); return window.find(s, true); });
  getSelection().removeAllRanges();
  return {
    found,
    extra: extra.map((e) => e.outerHTML),
    sizes: extra.map((e) => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }),
    styles: extra.map((e) => { const s = getComputedStyle(e); return [s.display, s.position, s.zIndex, s.opacity, s.width, s.height]; }),
    popoverOpen: document.querySelectorAll(':popover-open').length,
    resources: performance.getEntriesByType('resource').map((r) => r.name),
  };
})()`;

async function setAudience(audience: string): Promise<void> {
  await h.worker.evaluate(async (a: string) => {
    await chrome.storage.sync.clear();
    await chrome.storage.sync.set({ audience: a, minSeverity: 'listed' });
  }, audience);
}

/** For each audience: the severity the user sees (from the extension) and what the page measured. */
async function probeAll(url: string, sentences: string[]) {
  const out: { audience: string; severity: string; page: unknown }[] = [];
  for (const audience of AUDIENCES) {
    await setAudience(audience);
    await page.goto(url);
    const seen = await banner(page).settled();
    expect(seen?.shown, audience).toBe(true);
    const state = await h.worker.evaluate(async (u: string) => Object.values(await chrome.storage.session.get(null)).find((s: any) => s?.url === u), url); // eslint-disable-line @typescript-eslint/no-explicit-any
    out.push({ audience, severity: (state as { severity: string }).severity, page: await page.evaluate(PROBE(sentences)) });
  }
  return out;
}

describe("page-script probes give identical answers for every audience and severity", () => {
  for (const [url, vendor] of [
    ['https://www.kaspersky.com/', 'kaspersky'],
    ['https://www.qq.com/', 'tencent'], // "listed" for a consumer, "restricted" for a federal contractor
  ] as const) {
    it(`${vendor}: window.find of every banner sentence, the extra element, its box and style, :popover-open, resource timing`, async () => {
      await setAudience('consumer');
      await page.goto(url);
      const p = (await banner(page).shown())!;
      // Every sentence the banner shows (the page can confirm those), and audience-specific text it must never contain.
      const ownSentences = [...p.texts, ...p.buttons.map((b) => b.label)];
      const dataset = JSON.parse(readFileSync('src/data/dataset.json', 'utf8')) as { vendors: { id: string; rulings: { ruling: string }[] }[]; rulings: { id: string; forYou: Record<string, string> }[] };
      const rulingIds = dataset.vendors.find((v) => v.id === vendor)!.rulings.map((r) => r.ruling);
      const forYou = dataset.rulings.filter((r) => rulingIds.includes(r.id)).flatMap((r) => Object.values(r.forYou).map((s) => s.slice(0, 60)));
      const results = await probeAll(url, [...ownSentences, ...forYou]);

      const first = results[0]!.page as { found: boolean[]; extra: string[]; popoverOpen: number; resources: string[] };
      // Positive control: the probe does confirm the banner's own sentences…
      expect(first.found.slice(0, ownSentences.length).every(Boolean)).toBe(true);
      // …and finds no audience-specific text.
      expect(first.found.slice(ownSentences.length).some(Boolean)).toBe(false);
      expect(first.extra).toEqual(['<div popover="manual"></div>']);
      expect(first.popoverOpen).toBe(1);
      expect(first.resources.some((r) => r.startsWith('chrome-extension://'))).toBe(false);
      for (const r of results) expect(r.page, r.audience).toEqual(first);
      if (vendor === 'tencent') expect(new Set(results.map((r) => r.severity)).size).toBeGreaterThan(1); // the severities really differed
    });
  }
});
