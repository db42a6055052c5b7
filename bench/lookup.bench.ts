// Popup lookup latency (a query must feel instant: p95 under 2 ms at 10× the data). Run: node --expose-gc bench/run.mjs bench/lookup.bench.ts
//
// Times src/core/search.ts, per query, on the bundled dataset and on a 10× synthetic dataset
// (every vendor, not-restricted entry and reported link cloned nine times with changed names,
// brands and domains, so the index has ten times the names and terms). The query mix is what a
// person types: whole names, typos, prefixes while typing, brand and product names, domains,
// pasted URLs, not-restricted and reported-link names, and queries that match nothing.
//
// Prints median and p95 ms per query and the index build time. Exits non-zero when p95 at 10×
// exceeds the 2 ms target.
import raw from '../src/data/dataset.json';
import type { Dataset } from '../src/core/dataset/schema';
import { buildSearchIndex, search, type SearchIndex } from '../src/core/search';
import type { BenchOutput } from './stats';

const TARGET_P95_MS = 2;
const ROUNDS = 200;

const dataset = raw as Dataset;

const QUERIES = [
  'Kaspersky', 'kasperski', 'kasp', 'k', 'ka', 'Kaspersky Premium', 'kaspersky prem',
  'hikvison', 'Hikvision', 'hik', 'EZVIZ', 'hik connect', 'Mavic', 'DJI', 'dji mini', 'huawai',
  'Huawei', 'Honor', 'TP-Link', 'tapo', 'UltraAV', 'Lorex', 'Amcrest', 'Anzu', 'SkyRover',
  'deepsek', 'TikTok', 'capcut', 'china', 'technology', 'Zhejiang Dahua', 'sensetim',
  'kaspersky.com', 'usa.kaspersky.com', 'https://www.hikvision.com/en/products/', 'dji.com/products',
  'honor.com', 'hikvision.de', 'example.org', 'https://news.ycombinator.com/item?id=1',
  'zzqxv', 'nothing like this', 'a', 'b', 'qu', 'quectel wirelss',
];

// ---------------------------------------------------------------------------------------------
// 10× synthetic data: clones with changed names (a syllable prefix), brands and domains.

const SYLLABLES = ['vor', 'tel', 'zan', 'mik', 'ruo', 'pex', 'lun', 'sab', 'qir'];
const renameText = (text: string, tag: string) => text.replace(/[A-Za-z][A-Za-z0-9]*/u, (w) => tag + w.toLowerCase());
const renameDomain = (d: string, tag: string) => `${tag}${d}`;

function scaled(times: number): Dataset {
  const out: Dataset = { ...dataset, vendors: [...dataset.vendors], notRestricted: [...dataset.notRestricted], reportedLinks: [...dataset.reportedLinks] };
  for (let i = 1; i < times; i++) {
    const tag = SYLLABLES[(i - 1) % SYLLABLES.length]! + (i > SYLLABLES.length ? String(i) : '');
    for (const v of dataset.vendors)
      out.vendors.push({
        ...v,
        id: `${v.id}-${tag}`,
        name: renameText(v.name, tag),
        legalNames: v.legalNames.map((n) => renameText(n, tag)),
        aliases: v.aliases.map((n) => renameText(n, tag)),
        domains: v.domains.map((d) => ({ ...d, domain: renameDomain(d.domain, tag) })),
        exclusions: v.exclusions?.map((e) => ({ ...e, domain: renameDomain(e.domain, tag) })),
      });
    for (const n of dataset.notRestricted)
      out.notRestricted.push({ ...n, id: `${n.id}-${tag}`, name: renameText(n.name, tag), aliases: n.aliases.map((a) => renameText(a, tag)), domains: n.domains.map((d) => renameDomain(d, tag)) });
    for (const r of dataset.reportedLinks)
      out.reportedLinks.push({ ...r, id: `${r.id}-${tag}`, name: renameText(r.name, tag), aliases: r.aliases.map((a) => renameText(a, tag)), domains: r.domains.map((d) => renameDomain(d, tag)), vendor: `${r.vendor}-${tag}` });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

function names(d: Dataset): number {
  return [...d.vendors, ...d.notRestricted, ...d.reportedLinks].reduce((n, e) => n + 1 + e.aliases.length + e.domains.length + ('legalNames' in e ? e.legalNames.length : 0), 0);
}

function run(title: string, data: Dataset): { median: number; p95: number } {
  const t0 = performance.now();
  const index: SearchIndex = buildSearchIndex({ dataset: data });
  const buildMs = performance.now() - t0;
  // Warm up (JIT), then time every query ROUNDS times, interleaved.
  for (let i = 0; i < 20; i++) for (const q of QUERIES) search(index, q);
  const perQuery = new Map<string, number[]>(QUERIES.map((q) => [q, []]));
  const all: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of QUERIES) {
      const start = performance.now();
      search(index, q);
      const ms = performance.now() - start;
      perQuery.get(q)!.push(ms);
      all.push(ms);
    }
  }
  all.sort((a, b) => a - b);
  const entities = data.vendors.length + data.notRestricted.length + data.reportedLinks.length;
  console.log(`\n## ${title}: ${entities} entries, ${names(data)} indexed names; index built in ${buildMs.toFixed(1)} ms`);
  console.log(`all queries: median ${quantile(all, 0.5).toFixed(3)} ms, p95 ${quantile(all, 0.95).toFixed(3)} ms, max ${all.at(-1)!.toFixed(3)} ms (${all.length} samples)`);
  console.log('| query | median ms | p95 ms | hits |');
  console.log('|---|---:|---:|---:|');
  for (const [q, samples] of perQuery) {
    samples.sort((a, b) => a - b);
    console.log(`| ${JSON.stringify(q)} | ${quantile(samples, 0.5).toFixed(3)} | ${quantile(samples, 0.95).toFixed(3)} | ${search(index, q).hits.length} |`);
  }
  return { median: quantile(all, 0.5), p95: quantile(all, 0.95) };
}

export default function main(): BenchOutput {
  console.log('# BanWatch lookup benchmark (src/core/search.ts)');
  const bundled = run('bundled dataset', dataset);
  const big = run('10× synthetic dataset', scaled(10));
  const ok = big.p95 <= TARGET_P95_MS;
  console.log(`\ntarget: p95 ≤ ${TARGET_P95_MS} ms at 10× — ${ok ? 'met' : 'MISSED'} (${big.p95.toFixed(3)} ms)`);
  if (!ok) process.exitCode = 1;
  return {
    results: [
      { text: `lookup, bundled data: median ${bundled.median.toFixed(3)} ms, p95 ${bundled.p95.toFixed(3)} ms per query`, info: true },
      { text: `lookup, 10× data: median ${big.median.toFixed(3)} ms, p95 ${big.p95.toFixed(3)} ms per query`, info: true },
      { text: `lookup p95 at 10× data: ${big.p95.toFixed(3)} ms / ${TARGET_P95_MS} ms = ${(big.p95 / TARGET_P95_MS).toFixed(2)}`, ok },
    ],
  };
}
