// The cross-checks only a whole dataset allows, once its shape is known good (zod's datasetSchema
// at build, dataset-shape.ts in the service worker): the shared ruling and vendor checks
// (checks.ts), ids and domains unique across entries, names unambiguous, not-restricted entries
// not named by a live ruling, changelog and review dates. No zod here.
import type { Dataset } from './schema';
import { statusOn } from './status';
import { checkRulings, checkVendors, duplicates, isIsoDay, type HostCheck } from './checks';

function namesOf(v: { name: string; aliases: string[]; legalNames?: string[] }): string[] {
  return [v.name, ...v.aliases, ...(v.legalNames ?? [])].map((n) => n.trim().toLowerCase());
}

/** Does `text` name `name` as a word (case-insensitive)? */
function mentions(text: string, name: string): boolean {
  const escaped = name.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9])${escaped}([^A-Za-z0-9]|$)`, 'i').test(text);
}

/**
 * The texts by which rulings in effect on the dataset's review date list companies: their names,
 * what they prohibit, their phases, their listing events, and the entities vendors are listed
 * under. A proposal, a paused or a lifted ruling lists no one.
 */
function rulingListingTexts(ds: Dataset): { ruling: string; where: string; text: string }[] {
  const day = ds.meta.reviewedOn;
  const live = ds.rulings.filter((r) => !['proposed', 'paused', 'lifted', 'superseded'].includes(statusOn(r, day).state));
  const liveIds = new Set(live.map((r) => r.id));
  return [
    ...live.flatMap((r) => [
      { ruling: r.id, where: 'officialName', text: r.officialName },
      { ruling: r.id, where: 'prohibits', text: r.prohibits },
      ...r.phases.map((p) => ({ ruling: r.id, where: `phase ${p.date}`, text: p.change })),
      ...(r.events ?? []).filter((e) => e.kind === 'listing').map((e) => ({ ruling: r.id, where: `event ${e.date}`, text: e.title })),
    ]),
    ...ds.vendors.flatMap((v) =>
      v.rulings.filter((vr) => liveIds.has(vr.ruling)).flatMap((vr) => (vr.entities ?? []).map((text) => ({ ruling: vr.ruling, where: `entities of ${v.id}`, text }))),
    ),
  ];
}

/** Every problem the dataset `ds` (already of the right shape) has beyond its shape. */
export function checkDataset(ds: Dataset, isHost: HostCheck): string[] {
  const errors: string[] = [];

  checkRulings(ds.rulings, 'rulings', errors);
  const rulingIds = new Set(ds.rulings.map((r) => r.id));
  const domainOwner = new Map<string, string>();
  checkVendors(ds.vendors, rulingIds, 'vendors', errors, domainOwner, isHost);
  const vendorIds = new Set(ds.vendors.map((v) => v.id));

  const allIds = [...ds.vendors.map((v) => v.id), ...ds.notRestricted.map((n) => n.id), ...ds.reportedLinks.map((r) => r.id)];
  for (const id of duplicates(allIds)) errors.push(`ids: "${id}" is used by more than one vendor, notRestricted or reportedLink entry`);

  const vendorNames = new Map<string, string>();
  for (const v of ds.vendors) for (const n of namesOf(v)) vendorNames.set(n, v.id);

  const claim = (domain: string, who: string, at: string): void => {
    if (!isHost(domain)) errors.push(`${at}: domain "${domain}" is not registrable under the Public Suffix List`);
    const owner = domainOwner.get(domain);
    if (owner && owner !== who) errors.push(`${at}: domain "${domain}" is also claimed by ${owner}`);
    else domainOwner.set(domain, who);
  };

  const listingTexts = rulingListingTexts(ds);
  ds.notRestricted.forEach((n, i) => {
    const at = `notRestricted.${i} (${n.id})`;
    for (const d of n.domains) claim(d, `notRestricted ${n.id}`, at);
    for (const name of [n.name, ...n.aliases]) {
      const vendor = vendorNames.get(name.trim().toLowerCase());
      if (vendor) errors.push(`${at}: name "${name}" equals a name or alias of vendor "${vendor}"`);
      const listedBy = listingTexts.find(({ text }) => mentions(text, name));
      if (listedBy) errors.push(`${at}: "${name}" is named by ruling "${listedBy.ruling}" (${listedBy.where}), so it may not be called not restricted`);
    }
  });

  ds.reportedLinks.forEach((r, i) => {
    const at = `reportedLinks.${i} (${r.id})`;
    if (!vendorIds.has(r.vendor)) errors.push(`${at}: references unknown vendor "${r.vendor}"`);
    for (const d of r.domains) claim(d, `reportedLink ${r.id}`, at);
  });

  const first = ds.meta.changelog[0];
  if (first && first.version !== ds.meta.version) {
    errors.push(`meta.changelog.0.version: first changelog entry is "${first.version}" but meta.version is "${ds.meta.version}"`);
  }
  for (const d of [ds.meta.reviewedOn, ...ds.meta.changelog.map((c) => c.date)]) {
    if (!isIsoDay(d)) errors.push(`meta: "${d}" is not a real ISO date`);
  }
  ds.rulings.forEach((r, i) => {
    const late = r.sources.find((s) => s.accessed && s.accessed > ds.meta.reviewedOn);
    if (late) errors.push(`rulings.${i} (${r.id}): source accessed ${late.accessed}, after meta.reviewedOn ${ds.meta.reviewedOn}`);
  });

  return errors;
}
