// What to ask each official source about each ruling. Every ruling in the dataset needs an entry
// here (a unit test checks), so a new ruling cannot go unwatched.

/** Federal Register agency slugs (conditions[agencies][] of the documents API). */
const BIS = 'industry-and-security-bureau';
const DOD = 'defense-department';
const DAR = 'defense-acquisition-regulations-system';
const FCC = 'federal-communications-commission';
const OFAC = 'foreign-assets-control-office';
const FAR = 'federal-acquisition-regulation-system';
const DHS = 'homeland-security-department';
const JUSTICE = 'justice-department';
const OMB = 'management-and-budget-office';
const PRESIDENT = 'executive-office-of-the-president';

export interface FederalRegisterWatch {
  /** Publishing agencies; empty means any agency. */
  agencies: string[];
  /** Phrases that identify the ruling's documents. The names of the vendors the ruling names are added to them. */
  terms: string[];
  /** For busy lists (weekly Entity List rules): a document must also name one of the ruling's vendors. */
  requireVendor?: boolean;
}

export const FEDERAL_REGISTER: Record<string, FederalRegisterWatch> = {
  'commerce-kaspersky-final-determination': { agencies: [BIS], terms: ['ICTS-2021-002'] },
  'bis-entity-list-kaspersky': { agencies: [BIS], terms: [] },
  'ofac-kaspersky-executives': { agencies: [OFAC], terms: [] },
  'dhs-bod-17-01': { agencies: [DHS], terms: ['Binding Operational Directive 17-01'] },
  'ndaa-fy2018-sec-1634': { agencies: [FAR, DOD], terms: ['52.204-23', 'section 1634'] },
  'fcc-covered-list': { agencies: [FCC], terms: ['Covered List'] },
  'fcc-equipment-authorization': { agencies: [FCC], terms: ['ET Docket No. 21-232'] },
  'ndaa-fy2019-sec-889': { agencies: [FAR, DOD], terms: ['section 889', '52.204-25'] },
  'ndaa-fy2025-sec-1709': { agencies: [FCC, DOD], terms: ['section 1709'] },
  pafaca: { agencies: [PRESIDENT, JUSTICE], terms: ['Foreign Adversary Controlled Applications'] },
  'no-tiktok-on-government-devices': { agencies: [FAR, OMB], terms: ['52.204-27'] },
  'commerce-connected-vehicles': { agencies: [BIS], terms: ['connected vehicle', 'connected vehicles'] },
  'dod-1260h-list': { agencies: [DOD], terms: ['1260H', 'Chinese military companies'] },
  'ndaa-fy2024-sec-805': { agencies: [DOD, DAR], terms: ['section 805', '1260H'] },
  'bis-entity-list': { agencies: [BIS], terms: ['Entity List'], requireVendor: true },
  'ofac-ns-cmic': { agencies: [OFAC], terms: ['Chinese Military-Industrial Complex'] },
  'fcc-section-214': { agencies: [FCC], terms: ['section 214'], requireVendor: true },
  'deepseek-measures': { agencies: [], terms: [] },
  'tp-link-proposed-ban': { agencies: [BIS], terms: ['TP-Link'] },
  'fcc-covered-list-foreign-uas': { agencies: [FCC], terms: ['UAS critical components'] },
  'fcc-covered-list-foreign-routers': { agencies: [FCC], terms: ['routers produced in a foreign country'] },
  'fcc-oet-update-waiver-2026': { agencies: [FCC], terms: ['ET Docket No. 21-232'] },
  'american-security-drone-act': { agencies: [FAR, DOD], terms: ['American Security Drone Act'] },
  'ndaa-fy2023-sec-5949': { agencies: [FAR, DOD], terms: ['section 5949', 'covered semiconductor products'] },
  'ndaa-fy2024-battery-ban': { agencies: [DOD, DAR], terms: ['procurement of certain batteries'] },
};

/**
 * Covered List entries that name no vendor of ours by name: the phrase that identifies each (as
 * reported in the FCC's notices and law-firm alerts of 2025-26; check it against the page when it
 * changes), the ruling it belongs to, and the vendors it covers in the data.
 */
export const COVERED_LIST_CATEGORIES: { phrase: string; ruling: string; vendors: string[] }[] = [
  { phrase: 'UAS critical components produced in a foreign country', ruling: 'fcc-covered-list-foreign-uas', vendors: [] },
  { phrase: 'routers produced in a foreign country', ruling: 'fcc-covered-list-foreign-routers', vendors: [] },
  // The December 2025 entry covers DJI and Autel through NDAA FY2025 section 1709(a)(1), not by name.
  { phrase: 'Section 1709(a)(1)', ruling: 'fcc-covered-list', vendors: ['dji', 'autel-robotics'] },
];

/** The Covered List as a whole is this ruling. */
export const COVERED_LIST_RULING = 'fcc-covered-list';

/** Consolidated Screening List sources (its `source` column) that correspond to rulings in the data. */
export const SCREENING_LISTS: Record<string, string[]> = {
  'Entity List (EL) - Bureau of Industry and Security': ['bis-entity-list', 'bis-entity-list-kaspersky'],
  'Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department': ['ofac-ns-cmic'],
};
