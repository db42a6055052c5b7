// Content-script match patterns from the bundled vendor data: one pattern per vendor domain.
// `*://*.example.com/*` matches example.com itself and every subdomain.
import dataset from '../src/data/dataset.json' with { type: 'json' };

export function vendorMatchPatterns(): string[] {
  const domains = dataset.vendors.flatMap((v) => v.domains.map((d) => d.domain));
  return [...new Set(domains)].sort().map((d) => `*://*.${d}/*`);
}
