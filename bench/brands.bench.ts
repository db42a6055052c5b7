// Brand-field matching (marketplace notices). Run: node --expose-gc bench/run.mjs bench/brands.bench.ts
//
// A synthetic ~5 MB listing page is reduced to what the content script actually reads: one
// structured brand field per tile (JSON-LD brand, byline "Visit the X Store", logo title), 1 in
// 10 a listed name. Both approaches answer "which listed entity is this whole field?":
//
//  - ours (src/core/shopping/brand-matcher.ts): normalise the field, one Map lookup, plus the
//    anchored marketplace forms: O(field length), independent of the number of names;
//  - baseline: one case-insensitive RegExp alternation of every escaped name, anchored
//    `^(?:visit the |brand: ?|by )?(?:n1|n2|…)(?: store)?$`, after the same normalisation (an
//    unanchored word-boundary search would also be wrong: it matches "Hikvision-compatible").
//
// With the bundled names (~120) and with 2,000 and 4,000 synthetic names. Prints MB/s of field
// text, fields/ms, and the RegExp's compile time (paid once per page in a content script).
import raw from '../src/data/dataset.json';
import type { Dataset, Vendor } from '../src/core/dataset/schema';
import { buildBrandIndex, matchBrandField, normaliseBrand, type BrandIndex } from '../src/core/shopping/brand-matcher';

const dataset = raw as Dataset;
const PAGE_BYTES = 5 * 1024 * 1024;
const ROUNDS = 5;

function names(d: Dataset): string[] {
  return [...d.vendors.flatMap((v) => [v.name, ...v.legalNames, ...v.aliases]), ...d.notRestricted.flatMap((n) => [n.name, ...n.aliases]), ...d.reportedLinks.flatMap((r) => [r.name, ...r.aliases])];
}

function synthetic(count: number): Dataset {
  const base = dataset.vendors[0]!;
  const vendors: Vendor[] = [...dataset.vendors];
  for (let i = 0; vendors.reduce((n, v) => n + 1 + v.aliases.length, 0) < count; i++) {
    vendors.push({ ...base, id: `syn-${i}`, name: `Synthco ${i}`, legalNames: [`Synthco ${i} Holdings Ltd.`], aliases: [`Synth${i} Pro`, `SYN-${i}`, `Syntho ${i} Cam`] });
  }
  return { ...dataset, vendors };
}

/** The brand fields of a ~5 MB listing page (a tile is ~500 bytes of markup). */
function listingFields(pool: string[]): string[] {
  const fields: string[] = [];
  const tiles = Math.round(PAGE_BYTES / 500);
  for (let i = 0; i < tiles; i++) {
    const listed = i % 10 === 0 ? pool[(i / 10) % pool.length]! : `Brand ${i % 1500}`;
    fields.push(i % 3 === 0 ? `Visit the ${listed} Store` : i % 3 === 1 ? listed.toUpperCase() : `${listed}®`);
  }
  fields.push('Hikvision-compatible', 'Wali', 'Brand: Hikvision compatible');
  return fields;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function regexBaseline(all: string[]): { re: RegExp; compileMs: number } {
  const t0 = performance.now();
  const alternation = [...new Set(all.map(normaliseBrand))].sort((a, b) => b.length - a.length).map(escape).join('|');
  const re = new RegExp(`^(?:visit the |brand: ?|by )?(?:${alternation})(?: (?:official )?store)?$`, 'i');
  re.test('warm up'); // V8 compiles lazily: count the first run
  return { re, compileMs: performance.now() - t0 };
}

function time(fn: () => number): { ms: number; hits: number } {
  let best = Infinity;
  let hits = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    hits = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, hits };
}

export default function main(): void {
  console.log('brand fields of a 5 MB listing page (best of 5 rounds)');
  console.log('names     fields  field MB  approach               ms     MB/s   fields/ms  hits  build/compile ms');
  for (const [label, d] of [
    ['bundled', dataset],
    ['2000', synthetic(2000)],
    ['4000', synthetic(4000)],
  ] as const) {
    const all = names(d);
    const t0 = performance.now();
    const index: BrandIndex = buildBrandIndex(d);
    const buildMs = performance.now() - t0;
    const fields = listingFields(all.filter((n) => n.length < 40));
    const mb = fields.reduce((n, f) => n + f.length, 0) / 1048576;
    const ours = time(() => fields.reduce((n, f) => n + (matchBrandField(f, index) ? 1 : 0), 0));
    const { re, compileMs } = regexBaseline(all);
    const base = time(() => fields.reduce((n, f) => n + (re.test(normaliseBrand(f)) ? 1 : 0), 0));
    const row = (name: string, r: { ms: number; hits: number }, extra: number) =>
      console.log(
        `${label.padEnd(8)} ${String(fields.length).padStart(7)} ${mb.toFixed(2).padStart(8)}  ${name.padEnd(20)} ${r.ms.toFixed(1).padStart(6)} ${(mb / (r.ms / 1000)).toFixed(1).padStart(7)} ${(fields.length / r.ms).toFixed(0).padStart(10)} ${String(r.hits).padStart(5)} ${extra.toFixed(2).padStart(10)}`,
      );
    row('Map (ours)', ours, buildMs);
    row(`RegExp alternation (${(re.source.length / 1024).toFixed(0)} KB)`, base, compileMs);
    if (ours.hits === 0) process.exitCode = 1;
  }
}
