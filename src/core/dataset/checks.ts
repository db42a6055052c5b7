// The dataset's cross-checks that a schema cannot express (references resolve, ids and domains
// unique, domains registrable, dates real and ordered, every ruling primary-sourced), shared by
// the build's dataset check (validate.ts, after the zod schema) and the extension's check of an
// organisation's list (org-list.ts, after its zod-free shape check). No zod here.
import type { Ruling, Vendor } from './schema';

export interface ValidationResult<T> {
  dataset?: T;
  errors: string[];
}

/** Decides whether a listed domain is acceptable. */
export type HostCheck = (domain: string) => boolean;

/** At least two labels, an alphabetic top-level label, not an IP address: what can be told without the PSL. */
export const isPlausibleHost: HostCheck = (d) => /^([a-z0-9-]+\.)+(xn--[a-z0-9-]+|[a-z]{2,63})$/.test(d);

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDay(s: string): boolean {
  if (!ISO_DAY.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === s;
}

export function duplicates(ids: string[]): string[] {
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
export function checkRulings(rulings: Ruling[], where: string, errors: string[]): void {
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

export function checkVendors(
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

