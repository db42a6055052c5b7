// The restricted-vendor dataset format. One zod schema is the source of truth: the TypeScript
// types derive from it, `npm run schema` writes the JSON Schema that organisations use for their
// own vendor lists, and the build refuses data that does not parse.
import { z } from 'zod';
import { AUTHORITIES, BOUND_PARTIES, DOMAIN_CAPS, EFFECTS, EVENT_KINDS, STATUSES } from './constants';

const isoDate = z.iso.date();
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase slug, e.g. "kaspersky"');
// A registrable domain or a host under one, lowercase ASCII (punycode for IDNs).
const domainName = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/, 'lowercase domain, e.g. "kaspersky.com"');


const source = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  title: z.string().min(1),
  publisher: z.string().min(1),
  primary: z.boolean(),
  // The day a reviewer last read this source (a stored copy counts). Absent: cited but not read;
  // such a source never backs a ruling's lastVerified date.
  accessed: isoDate.optional(),
});

/** A date on which a prohibition takes effect. In force from its own date (inclusive). */
const phase = z.strictObject({
  date: isoDate,
  change: z.string().min(1),
  // Who this phase binds, when it differs from the ruling's `binds` (e.g. NDAA FY2024 section 805:
  // the Defense Department itself from 2026, its supply chain from 2027). The latest phase in
  // force that sets it decides.
  binds: z.array(z.enum(BOUND_PARTIES)).min(1).optional(),
  // The date is the earliest the phase can have taken effect; the exact day was not found.
  approximate: z.boolean().optional(),
});

const timelineEvent = z.strictObject({
  date: isoDate,
  kind: z.enum(EVENT_KINDS),
  title: z.string().min(1),
  // From this day the ruling is in this state (e.g. 'paused', 'lifted'), until a later event says
  // otherwise; 'in-force' hands the state back to the phases (a reinstatement).
  status: z.enum(['in-force', 'paused', 'proposed', 'litigation-pending', 'lifted', 'superseded'] as const).optional(),
  // Vendor timelines only: the event concerns only these of the vendor's domains (and hosts under
  // them), e.g. the TikTok divestiture, which does not cover other ByteDance services.
  domains: z.array(domainName).min(1).optional(),
  approximate: z.boolean().optional(),
  source: z.url({ protocol: /^https?$/ }).optional(),
  primary: z.boolean().optional(), // whether `source` is a canonical government page
});

const forAudience = z.strictObject({
  consumer: z.string().min(1),
  business: z.string().min(1),
  federalContractor: z.string().min(1),
});

const rulingSchema = z.strictObject({
  id: slug,
  shortName: z.string().min(1), // e.g. "Commerce Final Determination"
  officialName: z.string().min(1),
  agency: z.string().min(1), // e.g. "Department of Commerce"
  office: z.string().optional(), // e.g. "BIS Office of ICTS"
  authority: z.enum(AUTHORITIES),
  legalAuthority: z.string().min(1),
  citations: z.array(z.string().min(1)).min(1),
  announced: isoDate.optional(),
  published: isoDate.optional(),
  phases: z.array(phase), // empty for a proposal that prohibits nothing yet
  events: z.array(timelineEvent).optional(), // court decisions, notices, waivers, pauses: see EVENT_KINDS
  prohibits: z.string().min(1),
  effect: z.enum(EFFECTS),
  binds: z.array(z.enum(BOUND_PARTIES)).min(1),
  doesNotBind: z.string().optional(), // an honest line on who is NOT bound
  scope: z.string().optional(),
  status: z.strictObject({ value: z.enum(STATUSES), asOf: isoDate, note: z.string().optional() }),
  summary: z.string().min(1),
  forYou: forAudience,
  sources: z.array(source).min(1),
  // The latest day on which a reviewer confirmed this ruling's status and timeline against its
  // sources (what the stored copies reach, not the day of the review). Watchers and the UI read it;
  // a source accessed on or after it must back it.
  lastVerified: isoDate.optional(), // required in the bundled dataset (see bundledRulingSchema)
  openQuestions: z.array(z.string().min(1)).optional(), // what could not be verified, and what was tried
});

// A ruling that reaches this domain only in part, where the ruling says so (e.g. Kaspersky's
// research blog: the Final Determination excludes informational content).
const domainScope = z.strictObject({
  ruling: slug,
  maxSeverity: z.enum(DOMAIN_CAPS),
  note: z.string().min(1),
});

const domainEntry = z.strictObject({
  domain: domainName,
  evidence: z.enum(['sourced', 'believed']),
  source: z.url().optional(),
  note: z.string().optional(),
  scope: z.array(domainScope).min(1).optional(),
});

const exclusion = z.strictObject({ domain: domainName, reason: z.string().min(1) });

const vendorRuling = z.strictObject({
  ruling: slug,
  since: isoDate.optional(), // vendor-specific listing date when it differs from the ruling's
  scope: z.string().optional(), // vendor-specific scope qualifier
  entities: z.array(z.string()).optional(), // the legal entities named, when narrower than the vendor
  note: z.string().optional(), // vendor-specific caveat, e.g. "whether the June 2026 list keeps it was not verified"
  // This entry's own effect where the ruling's differs by entry (FCC Covered List: software and
  // services entries get 'subsidy-ban', not the equipment-authorization ban).
  effect: z.enum(EFFECTS).optional(),
  // This entry's own dated phases, replacing the ruling's (e.g. the Covered List subsidy bar 60
  // days after this entry's listing).
  phases: z.array(phase).min(1).optional(),
  events: z.array(timelineEvent).optional(), // this vendor's own court cases, listings, divestitures
  forYou: forAudience.partial().optional(), // per-audience text where the ruling's would be wrong here
});

const vendorSchema = z.strictObject({
  id: slug,
  name: z.string().min(1),
  legalNames: z.array(z.string().min(1)).min(1),
  country: z.string().length(2), // ISO 3166-1 alpha-2
  parent: z.string().optional(),
  affiliates: z.array(z.string()).optional(),
  aliases: z.array(z.string().min(1)), // brand and product names a shopper sees
  domains: z.array(domainEntry),
  exclusions: z.array(exclusion).optional(),
  rulings: z.array(vendorRuling).min(1),
  note: z.string().optional(),
});

const notRestrictedSchema = z.strictObject({
  id: slug,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  domains: z.array(domainName),
  reason: z.string().min(1),
  sources: z.array(source),
});

/** White-label or OEM relationships that are alleged, not established. Never shown as the vendor. */
const reportedLinkSchema = z.strictObject({
  id: slug,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  domains: z.array(domainName),
  vendor: slug,
  relationship: z.string().min(1),
  sources: z.array(source).min(1),
});

/** The bundled dataset's rulings must say when they were last verified. */
const bundledRulingSchema = rulingSchema.extend({ lastVerified: isoDate });

export const datasetSchema = z.strictObject({
  meta: z.strictObject({
    version: z.string().regex(/^\d{4}\.\d{2}\.\d{2}(\.\d+)?$/, 'version like 2026.11.28'),
    reviewedOn: isoDate,
    changelog: z.array(z.strictObject({ version: z.string(), date: isoDate, changes: z.array(z.string().min(1)).min(1) })).min(1),
  }),
  rulings: z.array(bundledRulingSchema),
  vendors: z.array(vendorSchema),
  notRestricted: z.array(notRestrictedSchema),
  reportedLinks: z.array(reportedLinkSchema),
});

/** An organisation's own vendor list (enterprise policy): same vendor and ruling format. */
export const orgListSchema = z.strictObject({
  rulings: z.array(rulingSchema).optional(),
  vendors: z.array(vendorSchema),
});

export type Ruling = z.infer<typeof rulingSchema>;
export type Vendor = z.infer<typeof vendorSchema>;
export type NotRestricted = z.infer<typeof notRestrictedSchema>;
export type ReportedLink = z.infer<typeof reportedLinkSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
export type OrgList = z.infer<typeof orgListSchema>;
export type BoundParty = (typeof BOUND_PARTIES)[number];
export type Authority = (typeof AUTHORITIES)[number];
export type RulingStatus = (typeof STATUSES)[number];
export type EventKind = (typeof EVENT_KINDS)[number];
export type TimelineEvent = z.infer<typeof timelineEvent>;
export type Phase = z.infer<typeof phase>;
export type DomainCap = (typeof DOMAIN_CAPS)[number];
