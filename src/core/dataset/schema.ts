// The restricted-vendor dataset format. One zod schema is the source of truth: the TypeScript
// types derive from it, `npm run schema` writes the JSON Schema that organisations use for their
// own vendor lists, and the build refuses data that does not parse.
import { z } from 'zod';

const isoDate = z.iso.date();
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase slug, e.g. "kaspersky"');
// A registrable domain or a host under one, lowercase ASCII (punycode for IDNs).
const domainName = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/, 'lowercase domain, e.g. "kaspersky.com"');

/** Who an instrument binds. */
export const BOUND_PARTIES = [
  'us-persons', // every US person, including consumers and businesses
  'federal-agencies',
  'intelligence-community',
  'federal-contractors',
  'dod-contractors',
  'fcc-subsidised-carriers', // Universal Service Fund and other FCC subsidy recipients
  'telecom-carriers', // carriers needing FCC section 214 authority
  'equipment-importers', // FCC equipment authorization applicants, importers and marketers
  'vehicle-makers-importers',
  'exporters', // exporters, re-exporters and transferors of items subject to the EAR
  'app-stores-hosts',
  'securities-traders',
] as const;

/** Issuing branch, for the per-authority switches in the options. */
export const AUTHORITIES = ['commerce', 'fcc', 'congress', 'dhs-cisa', 'dod', 'treasury', 'white-house', 'odni'] as const;

/**
 * What the instrument does to the vendor. Drives severity: export, investment and individual
 * sanctions never read as "you may not buy".
 */
export const EFFECTS = [
  'sales-ban', // transactions with US persons prohibited (e.g. Kaspersky Final Determination)
  'use-ban', // agencies may not use / buy (procurement and device bans)
  'equipment-authorization-ban', // no new FCC equipment authorizations, subsidy ban
  'service-ban', // carriers' authority to operate revoked
  'app-distribution-ban', // app stores and hosts may not distribute
  'vehicle-import-ban',
  'export-control', // licence needed to export TO the listed party
  'investment-ban', // US persons may not trade its securities
  'individual-sanctions', // named people sanctioned, not the company
  'designation', // a list with no direct sanction of its own
] as const;

const STATUSES = ['in-force', 'partly-in-force', 'upcoming', 'paused', 'proposed', 'litigation-pending', 'lifted', 'superseded'] as const;

const source = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  title: z.string().min(1),
  publisher: z.string().min(1),
  primary: z.boolean(),
});

const phase = z.strictObject({
  date: isoDate,
  change: z.string().min(1),
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
  phases: z.array(phase).min(1),
  prohibits: z.string().min(1),
  effect: z.enum(EFFECTS),
  binds: z.array(z.enum(BOUND_PARTIES)).min(1),
  doesNotBind: z.string().optional(), // an honest line on who is NOT bound
  scope: z.string().optional(),
  status: z.strictObject({ value: z.enum(STATUSES), asOf: isoDate, note: z.string().optional() }),
  summary: z.string().min(1),
  forYou: forAudience,
  sources: z.array(source).min(1),
});

const domainEntry = z.strictObject({
  domain: domainName,
  evidence: z.enum(['sourced', 'believed']),
  source: z.url().optional(),
  note: z.string().optional(),
});

const exclusion = z.strictObject({ domain: domainName, reason: z.string().min(1) });

const vendorRuling = z.strictObject({
  ruling: slug,
  since: isoDate.optional(), // vendor-specific listing date when it differs from the ruling's
  scope: z.string().optional(), // vendor-specific scope qualifier
  entities: z.array(z.string()).optional(), // the legal entities named, when narrower than the vendor
  note: z.string().optional(), // vendor-specific caveat, e.g. "whether the June 2026 list keeps it was not verified"
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

export const datasetSchema = z.strictObject({
  meta: z.strictObject({
    version: z.string().regex(/^\d{4}\.\d{2}\.\d{2}(\.\d+)?$/, 'version like 2026.11.28'),
    reviewedOn: isoDate,
    changelog: z.array(z.strictObject({ version: z.string(), date: isoDate, changes: z.array(z.string().min(1)).min(1) })).min(1),
  }),
  rulings: z.array(rulingSchema),
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
