// The dataset's closed vocabularies (who is bound, which authority, what effect, which status,
// which event kind, which cap), as plain constants: the extension's runtime code imports them from
// here, so it never pulls in the zod schemas (schema.ts) that the build and the tests validate with.

/** Who an instrument binds. */
export const BOUND_PARTIES = [
  'us-persons', // every US person, including consumers and businesses
  'federal-agencies',
  'intelligence-community',
  'federal-contractors',
  'dod-contractors', // the Defense Department's contractors and supply chain
  'defense-department', // the Defense Department itself, as buyer (not its contractors)
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
  'subsidy-ban', // FCC subsidies may not pay for it (Covered List software and services entries)
  'service-ban', // carriers' authority to operate revoked
  'app-distribution-ban', // app stores and hosts may not distribute
  'vehicle-import-ban',
  'export-control', // licence needed to export TO the listed party
  'investment-ban', // US persons may not trade its securities
  'individual-sanctions', // named people sanctioned, not the company
  'designation', // a list with no direct sanction of its own
  'relief', // a waiver or exemption that relaxes another restriction: prohibits nothing, never a warning
] as const;

export const STATUSES = ['in-force', 'partly-in-force', 'upcoming', 'paused', 'proposed', 'litigation-pending', 'lifted', 'superseded'] as const;

/** What kind of dated event a timeline entry is. Only `status` changes what is in force. */
export const EVENT_KINDS = [
  'enacted', // a law signed
  'published', // a rule or notice published
  'notice', // an agency notice or public announcement
  'listing', // a company added to a list
  'removal', // a company removed from a list
  'withdrawn', // a filing withdrawn before it took effect
  'lawsuit', // a court challenge filed
  'court-decision', // a court ruled
  'appeal', // an appeal filed or argued
  'enforcement-pause', // enforcement deferred or suspended
  'waiver', // a waiver or exemption that relaxes a restriction (prohibits nothing)
  'divestiture', // a sale that ends or changes the restriction
  'sunset', // the instrument expires
  'report', // a credible report of a step not (yet) in any official document
] as const;

/** Severities a ruling can be capped at on one domain ('none': the ruling does not reach it). */
export const DOMAIN_CAPS = ['none', 'watch', 'listed', 'restricted'] as const;
