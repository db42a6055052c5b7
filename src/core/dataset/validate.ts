// Validation of the bundled dataset and of organisations' own vendor lists: the zod schema first,
// then the cross-checks a schema cannot express (references resolve, ids and domains unique,
// domains registrable, dates ordered, every ruling primary-sourced, names unambiguous).
//
// The domain check is passed in: the build and the tests use the full Public Suffix List
// (registrable.ts, via tldts), while the extension itself checks an organisation's list with the
// light `isPlausibleHost`, so the PSL data never ships in the service worker or the pages.
import type { z } from 'zod';
import { datasetSchema, orgListSchema, type Dataset, type OrgList, type Ruling, type Vendor } from './schema';
import { statusOn } from './status';

export interface ValidationResult<T> {
  dataset?: T;
  errors: string[];
}

function zodErrors(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
}

/** Decides whether a listed domain is acceptable. */
export type HostCheck = (domain: string) => boolean;

/** At least two labels, an alphabetic top-level label, not an IP address: what can be told without the PSL. */
export const isPlausibleHost: HostCheck = (d) => /^([a-z0-9-]+\.)+(xn--[a-z0-9-]+|[a-z]{2,63})$/.test(d);

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
function isIsoDay(s: string): boolean {
  if (!ISO_DAY.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === s;
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

/** Dated entries (phases or events) must be real days in ascending order. */
function checkDated(entries: readonly { date: string }[], what: string, at: string, errors: string[]): void {
  entries.forEach((e, k) => {
    if (!isIsoDay(e.date)) errors.push(`${at}: "${e.date}" is not a real ISO date`);
    const prev = entries[k - 1];
    if (prev && e.date < prev.date) errors.push(`${at}: ${what} must be in ascending date order (${prev.date} before ${e.date})`);
  });
}

/** Checks shared by the bundled dataset and organisation lists. */
function checkRulings(rulings: Ruling[], where: string, errors: string[]): void {
  for (const id of duplicates(rulings.map((r) => r.id))) errors.push(`${where}: duplicate ruling id "${id}"`);
  rulings.forEach((r, i) => {
    const at = `${where}.${i} (${r.id})`;
    for (const d of [r.announced, r.published, r.status.asOf, r.lastVerified, ...r.sources.map((s) => s.accessed)]) {
      if (d !== undefined && !isIsoDay(d)) errors.push(`${at}: "${d}" is not a real ISO date`);
    }
    checkDated(r.phases, 'phases', at, errors);
    checkDated(r.events ?? [], 'events', at, errors);
    if ((r.events ?? []).some((e) => e.domains)) errors.push(`${at}: only a vendor's own events may be limited to domains`);
    if (r.announced && r.published && r.published < r.announced) {
      errors.push(`${at}: published (${r.published}) is before announced (${r.announced})`);
    }
    if (!r.sources.some((s) => s.primary)) errors.push(`${at}: needs at least one primary source`);
    // A verification date must be backed by a source actually read on or after it.
    if (r.lastVerified && !r.sources.some((s) => s.accessed && s.accessed >= r.lastVerified!)) {
      errors.push(`${at}: lastVerified ${r.lastVerified} is not backed by a source accessed on or after it`);
    }
  });
}

function checkVendors(
  vendors: Vendor[],
  rulingIds: Set<string>,
  where: string,
  errors: string[],
  domainOwner: Map<string, string>,
  isHost: HostCheck,
): void {
  for (const id of duplicates(vendors.map((v) => v.id))) errors.push(`${where}: duplicate vendor id "${id}"`);
  vendors.forEach((v, i) => {
    const at = `${where}.${i} (${v.id})`;
    const under = (host: string) => v.domains.some((d) => host === d.domain || host.endsWith(`.${d.domain}`));
    for (const vr of v.rulings) {
      if (!rulingIds.has(vr.ruling)) errors.push(`${at}: references unknown ruling "${vr.ruling}"`);
      if (vr.since !== undefined && !isIsoDay(vr.since)) errors.push(`${at}: since "${vr.since}" is not a real ISO date`);
      checkDated(vr.phases ?? [], `phases of ${vr.ruling}`, at, errors);
      checkDated(vr.events ?? [], `events of ${vr.ruling}`, at, errors);
      for (const e of vr.events ?? []) {
        for (const d of e.domains ?? []) if (!under(d)) errors.push(`${at}: event "${e.title}" names "${d}", which is not one of the vendor's domains`);
      }
    }
    const referenced = new Set(v.rulings.map((r) => r.ruling));
    for (const d of v.domains) {
      for (const s of d.scope ?? []) {
        if (!referenced.has(s.ruling)) errors.push(`${at}: domain "${d.domain}" scopes ruling "${s.ruling}", which the vendor does not reference`);
      }
    }
    for (const id of duplicates(v.rulings.map((r) => r.ruling))) errors.push(`${at}: ruling "${id}" referenced twice`);
    const own = new Set<string>();
    for (const d of v.domains) {
      if (!isHost(d.domain)) errors.push(`${at}: domain "${d.domain}" is not registrable under the Public Suffix List`);
      if (own.has(d.domain)) errors.push(`${at}: domain "${d.domain}" listed twice`);
      own.add(d.domain);
      const owner = domainOwner.get(d.domain);
      if (owner && owner !== `vendor ${v.id}`) errors.push(`${at}: domain "${d.domain}" is also claimed by ${owner}`);
      else domainOwner.set(d.domain, `vendor ${v.id}`);
    }
    for (const x of v.exclusions ?? []) {
      if (!isHost(x.domain)) errors.push(`${at}: exclusion "${x.domain}" is not registrable under the Public Suffix List`);
      if (own.has(x.domain)) errors.push(`${at}: exclusion "${x.domain}" is also one of the vendor's domains`);
    }
  });
}

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

export function validateDataset(raw: unknown, isHost: HostCheck): ValidationResult<Dataset> {
  const parsed = datasetSchema.safeParse(raw);
  if (!parsed.success) return { errors: zodErrors(parsed.error) };
  const ds = parsed.data;
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

  return errors.length ? { errors } : { dataset: ds, errors };
}

/**
 * An organisation's own list. Its vendors may reference its own rulings or the bundled ones
 * (`knownRulingIds`); its ruling ids must not collide with bundled ids.
 */
export function validateOrgList(
  raw: unknown,
  knownRulingIds: Iterable<string> = [],
  isHost: HostCheck = isPlausibleHost,
): ValidationResult<OrgList> {
  const parsed = orgListSchema.safeParse(raw);
  if (!parsed.success) return { errors: zodErrors(parsed.error) };
  const list = parsed.data;
  const errors: string[] = [];
  const known = new Set(knownRulingIds);
  const own = list.rulings ?? [];
  checkRulings(own, 'rulings', errors);
  own.forEach((r, i) => {
    if (known.has(r.id)) errors.push(`rulings.${i} (${r.id}): id collides with a bundled ruling id`);
  });
  const rulingIds = new Set([...known, ...own.map((r) => r.id)]);
  checkVendors(list.vendors, rulingIds, 'vendors', errors, new Map(), isHost);
  return errors.length ? { errors } : { dataset: list, errors };
}
