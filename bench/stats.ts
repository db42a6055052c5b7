// Small statistics shared by the benches. Percentiles are nearest-rank: p95 of 20 samples is the
// 19th smallest, of 12 the largest; no interpolation between samples.

/** The sample at quantile `q` (0–1) by nearest rank; NaN for no samples. */
export function quantile(xs: readonly number[], q: number): number {
  if (!xs.length) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const median = (xs: readonly number[]) => quantile(xs, 0.5);
export const p95 = (xs: readonly number[]) => quantile(xs, 0.95);

/** One line of the runner's summary: `ok` / `info` decide its prefix (ok, MISS, or none). */
export interface Result {
  text: string;
  ok?: boolean;
  info?: boolean;
}

/** What a bench's default export returns: summary lines, and Markdown for docs/performance.md. */
export interface BenchOutput {
  results: Result[];
  docs?: string[];
}

export const fixed = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
export const pct = (share: number) => (Number.isFinite(share) ? `${Math.round(share * 100)} %` : '–');
