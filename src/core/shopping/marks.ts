// What the shopping and search-results script draws for a brand field or a result link: a mark
// made from the one verdict (core/verdict.ts), so a marketplace, a search result and the vendor's
// own site always agree. Pure.
import type { Severity } from '../dataset/severity';
import type { Subject, Verdict, VerdictInputs } from '../verdict';
import { verdict } from '../verdict';
import type { BrandEntity, BrandIndex } from './brand-matcher';
import { matchBrandField } from './brand-matcher';
import { decideBrand, type BrandCandidate, type BrandSource } from './extract';

/** What a brand or a result link is, with the user's settings applied. */
export interface ShopMark {
  kind: 'vendor' | 'reported-link';
  /** Vendor id, or the reported link's id (the details page answers for both). */
  id: string;
  /** The vendor's name, or the reported brand's ("Anzu Robotics"), never the linked vendor's. */
  name: string;
  /** Reported links only: the vendor the link is alleged to, and how. */
  linkedVendorName: string | null;
  relationship: string | null;
  severity: Severity;
  /** The headline ruling (vendors only). */
  ruling: { shortName: string; effect: string; since: string | null; state: string } | null;
}

export interface ShopNotice extends ShopMark {
  why: { value: string; name: string; source: BrandSource; field: string };
}

export interface BrandReply {
  notice: ShopNotice | null;
  items: Record<string, ShopMark>;
}

export interface LinksReply {
  marks: Record<string, ShopMark>;
}

/** The mark a verdict gives, or null when the user's settings say nothing should show. */
export function shopMark(v: Verdict): ShopMark | null {
  if (v.kind === 'reported-link') {
    if (v.silenced) return null;
    const linked = v.linkedVendor?.name ?? v.item.vendor;
    return { kind: 'reported-link', id: v.item.id, name: v.item.name, linkedVendorName: linked, relationship: v.item.relationship, severity: v.severity, ruling: null };
  }
  if (v.kind !== 'vendor' || v.silenced || !v.warning) return null;
  const r = v.warning.rulings[0];
  return {
    kind: 'vendor',
    id: v.warning.vendorId,
    name: v.warning.vendorName,
    linkedVendorName: null,
    relationship: null,
    severity: v.warning.severity,
    ruling: r ? { shortName: r.shortName, effect: r.effect, since: r.since, state: r.state } : null,
  };
}

/** A brand hit as a verdict subject, seen on the marketplace page `host`; not-restricted names point at nothing. */
function brandSubject(entity: BrandEntity, host: string): Subject | null {
  return entity.kind === 'not-restricted' ? null : { id: entity.id, seenOn: host };
}

const markOf = (inputs: VerdictInputs, subject: Subject | null) => (subject ? shopMark(verdict(inputs, subject)) : null);

/** A product page on marketplace `host`: the notice for its brand fields, and a mark per listing tile's brand. */
export function brandMarks(inputs: VerdictInputs, index: BrandIndex, host: string, candidates: readonly BrandCandidate[], items: readonly string[]): BrandReply {
  let notice: ShopNotice | null = null;
  const decided = decideBrand(candidates, index);
  const mark = decided && markOf(inputs, brandSubject(decided.hit.entity, host));
  if (decided && mark) {
    const { candidate, hit } = decided;
    notice = { ...mark, why: { value: candidate.value, name: hit.name, source: candidate.source, field: candidate.field } };
  }
  const marks: Record<string, ShopMark> = {};
  for (const value of items) {
    const hit = matchBrandField(value, index);
    const m = hit && markOf(inputs, brandSubject(hit.entity, host));
    if (m) marks[value] = m;
  }
  return { notice, items: marks };
}

/** A search results page: a mark per result host that has one. */
export function linkMarks(inputs: VerdictInputs, hosts: readonly string[]): LinksReply {
  const marks: Record<string, ShopMark> = {};
  for (const host of hosts) {
    const m = shopMark(verdict(inputs, { host }));
    if (m) marks[host] = m;
  }
  return { marks };
}
