// `npm run data:report`: how fresh and how well sourced the bundled data is. Per ruling: when it
// was last verified (and whether that is over 180 days ago), how many primary sources it cites
// (and how many of those a reviewer actually read), and its open questions. Per vendor: how many
// domains are sourced and how many only believed. Validation errors come first.
import type { Dataset } from '../src/core/dataset/schema';
import { STALE_AFTER_DAYS, daysSinceVerified, isStale, reviewedThrough } from '../src/core/dataset/freshness';
import { validateDataset } from '../src/core/dataset/validate';
import { isRegistrableHost } from '../src/core/dataset/registrable';

export function dataReport(raw: unknown, today: string): string {
  const { errors, dataset } = validateDataset(raw, isRegistrableHost);
  const lines: string[] = [];
  if (errors.length) return ['INVALID dataset:', ...errors.map((e) => `  ${e}`)].join('\n');
  const ds = dataset as Dataset;
  lines.push(`Dataset ${ds.meta.version}: reviewed through ${reviewedThrough(ds)} (oldest lastVerified), as of ${today}`);
  lines.push('');
  lines.push(`Rulings (${ds.rulings.length}), oldest verification first; STALE = not verified for over ${STALE_AFTER_DAYS} days:`);
  const rulings = [...ds.rulings].sort((a, b) => (a.lastVerified < b.lastVerified ? -1 : a.lastVerified > b.lastVerified ? 1 : 0));
  for (const r of rulings) {
    const primary = r.sources.filter((s) => s.primary);
    const read = primary.filter((s) => s.accessed);
    const stale = isStale(r, today) ? '  STALE' : '';
    lines.push(`  ${r.id}`);
    lines.push(`    last verified ${r.lastVerified} (${daysSinceVerified(r, today)} days ago)${stale}; primary sources ${primary.length} (${read.length} read); other sources ${r.sources.length - primary.length}`);
    for (const q of r.openQuestions ?? []) lines.push(`    open: ${q}`);
  }
  lines.push('');
  lines.push(`Vendors (${ds.vendors.length}): domains sourced / believed`);
  for (const v of ds.vendors) {
    const sourced = v.domains.filter((d) => d.evidence === 'sourced').length;
    lines.push(`  ${v.id.padEnd(32)} ${String(sourced).padStart(3)} / ${String(v.domains.length - sourced).padEnd(3)}${v.domains.length ? '' : ' (no domain: name matches only)'}`);
  }
  return lines.join('\n');
}
