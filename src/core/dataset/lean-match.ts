// The lean index (split.ts) as match sources: which entry a host is (evidence and notes come from
// its record). Apart from split.ts so that a page carries it without leanOf and recordOf, which
// only a page with an accepted data update needs (shared/accepted-source.ts, a lazy chunk).
import type { LeanDataset } from './split';

/** The lean index as match sources: which entry a host is (evidence and notes come from its record). */
export function leanMatchSources(lean: LeanDataset) {
  return {
    ...lean,
    vendors: lean.vendors.map((v) => ({
      id: v.id,
      domains: v.domains.map((domain) => ({ domain, evidence: 'believed' as const })),
      ...(v.exclusions && { exclusions: v.exclusions.map((domain) => ({ domain })) }),
    })),
  };
}
