// The watcher's plain-text report: the sources read, then the findings grouped per ruling and vendor.
import type { Dataset } from '../../src/core/dataset/schema';
import { lastVerified, SOURCE_TITLES, type Finding, type FindingKind } from './findings';
import type { WatchResult } from './watch';

const KIND_LABELS: Record<FindingKind, string> = {
  'new-document': 'new document',
  'list-updated': 'list updated',
  'new-listing': 'new listing',
  'listing-to-add': 'listing to add',
  'listing-to-remove': 'listing to remove',
  'brand-lookalike': 'brand lookalike',
};

/** When no source could be reached at all: one line instead of a report. */
export function offlineLine(result: WatchResult): string | undefined {
  if (!result.sources.every((s) => !s.ok && s.offline)) return undefined;
  return `data:watch: offline? No source could be reached: ${result.sources.map((s) => s.detail.replace(/^cannot reach /, '')).join('; ')}`;
}

function headingOf(ds: Dataset, f: Finding): { key: string; order: number; title: string } {
  if (f.vendor) {
    const parties = [...ds.vendors, ...ds.notRestricted];
    const i = parties.findIndex((p) => p.id === f.vendor);
    const note = i >= ds.vendors.length ? ', not restricted' : '';
    return { key: `vendor ${f.vendor}`, order: 1000 + i, title: `Vendor ${f.vendor} (${parties[i]?.name ?? 'unknown'}${note})` };
  }
  if (f.ruling) {
    const i = ds.rulings.findIndex((r) => r.id === f.ruling);
    const ruling = ds.rulings[i];
    return { key: `ruling ${f.ruling}`, order: i, title: `Ruling ${f.ruling}${ruling ? ` (last verified ${lastVerified(ruling)})` : ''}` };
  }
  return { key: 'other', order: 10_000, title: 'Not in the data' };
}

export function formatReport(ds: Dataset, result: WatchResult): string {
  const lines = [`BanWatch data:watch on ${result.checkedOn}, dataset ${result.datasetVersion}`];
  for (const s of result.sources) lines.push(`  ${SOURCE_TITLES[s.source]}: ${s.ok ? s.detail : `NOT CHECKED, ${s.detail}`}`);

  const groups = new Map<string, { order: number; title: string; findings: Finding[] }>();
  for (const f of result.findings) {
    const h = headingOf(ds, f);
    const group = groups.get(h.key) ?? { order: h.order, title: h.title, findings: [] };
    group.findings.push(f);
    groups.set(h.key, group);
  }
  for (const group of [...groups.values()].sort((a, b) => a.order - b.order)) {
    lines.push('', group.title);
    for (const f of group.findings) {
      lines.push(`  ${KIND_LABELS[f.kind].padEnd(18)}${f.date ? `${f.date}  ` : ''}${f.summary}`);
      if (f.url) lines.push(`  ${''.padEnd(18)}${f.url}`);
    }
  }

  const n = result.findings.length;
  const unchecked = result.sources.filter((s) => !s.ok).length;
  if (n) lines.push('', `${n} finding${n === 1 ? '' : 's'} to review.`);
  else if (!unchecked) lines.push('', "Nothing to review: no new documents or list changes since each ruling's last verification.");
  if (unchecked === 1) lines.push('', '1 source was not checked; run again when it is reachable.');
  if (unchecked > 1) lines.push('', `${unchecked} sources were not checked; run again when they are reachable.`);
  return lines.join('\n');
}
