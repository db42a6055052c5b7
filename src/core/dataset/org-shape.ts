// The shape of an organisation's vendor list (enterprise policy), checked without zod: the
// service worker and the pages parse the policy, and a schema library there would be most of
// their bytes (MV3 service workers cannot load it lazily: import() is not allowed in them).
// The parts are shared with the check of a data package's dataset (dataset-shape.ts).
//
// schema.ts (`orgListSchema`) stays the one definition of the format: the JSON Schema for
// administrators and the build's dataset check come from it, and test/unit/org-shape.test.ts
// checks that this checker accepts and refuses exactly what it does.
import { AUTHORITIES, BOUND_PARTIES, DOMAIN_CAPS, EFFECTS, EVENT_KINDS, STATUSES } from './constants';
import type { OrgList } from './schema';
import { isPlainObject } from '../values';

/** Checks `v` at `path`, pushing "path: message" for each problem; returns the value to keep. */
export type Check = (v: unknown, path: string, errors: string[]) => unknown;

const at = (path: string) => path || '(root)';
const fail = (errors: string[], path: string, message: string) => void errors.push(`${at(path)}: ${message}`);
const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

export const string =
  (test?: (s: string) => string | null): Check =>
  (v, path, errors) => {
    if (typeof v !== 'string') return fail(errors, path, `expected string, received ${kind(v)}`);
    const problem = test?.(v);
    if (problem) fail(errors, path, problem);
    return v;
  };
export const nonEmpty = string((s) => (s.length ? null : 'expected a non-empty string'));
export const matching = (re: RegExp, message: string) => string((s) => (re.test(s) ? null : message));
const oneOf = (values: readonly string[]) => string((s) => (values.includes(s) ? null : `expected one of ${values.map((x) => `"${x}"`).join('|')}`));
const boolean: Check = (v, path, errors) => (typeof v === 'boolean' ? v : fail(errors, path, `expected boolean, received ${kind(v)}`));

// The same patterns as schema.ts (zod's ISO date; the slug and domain rules).
const ISO_DATE =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))$/;
export const isoDate = matching(ISO_DATE, 'Invalid ISO date');
export const slug = matching(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase slug, e.g. "kaspersky"');
export const domainName = matching(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/, 'lowercase domain, e.g. "kaspersky.com"');

/** A URL as zod's z.url() reads it (trimmed, tabs and newlines dropped); `web`: http(s) only, with "//". */
const url =
  (web: boolean): Check =>
  (v, path, errors) => {
    if (typeof v !== 'string') return fail(errors, path, `expected string, received ${kind(v)}`);
    const trimmed = v.trim();
    const parsed = (web ? /^https?:\/\//i.test(trimmed) : true) ? URL.parse(trimmed) : null;
    if (!parsed || (web && !/^https?:$/.test(parsed.protocol))) return fail(errors, path, 'Invalid URL');
    return trimmed.replace(/[\t\n\r]/g, '');
  };

export const list =
  (item: Check, min = 0): Check =>
  (v, path, errors) => {
    if (!Array.isArray(v)) return fail(errors, path, `expected array, received ${kind(v)}`);
    if (v.length < min) fail(errors, path, `expected at least ${min} item${min === 1 ? '' : 's'}`);
    return v.map((x, i) => item(x, path ? `${path}.${i}` : String(i), errors));
  };

const optional = (check: Check): Check & { optional: true } => Object.assign((v: unknown, path: string, errors: string[]) => check(v, path, errors), { optional: true as const });

/** A record with exactly these keys (optional ones may be missing); unknown keys are errors. */
export const record =
  (fields: Record<string, Check & { optional?: true }>): Check =>
  (v, path, errors) => {
    if (!isPlainObject(v)) return fail(errors, path, `expected object, received ${kind(v)}`);
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(fields)) {
      const here = path ? `${path}.${key}` : key;
      if (!Object.hasOwn(v, key) || v[key] === undefined) {
        if (!check.optional) fail(errors, here, 'required');
        continue;
      }
      out[key] = check(v[key], here, errors);
    }
    for (const key of Object.keys(v)) if (!Object.hasOwn(fields, key)) fail(errors, path, `Unrecognized key: "${key}"`);
    return out;
  };

export const source = record({ url: url(true), title: nonEmpty, publisher: nonEmpty, primary: boolean, accessed: optional(isoDate) });
const phase = record({ date: isoDate, change: nonEmpty, binds: optional(list(oneOf(BOUND_PARTIES), 1)), approximate: optional(boolean) });
const event = record({
  date: isoDate,
  kind: oneOf(EVENT_KINDS),
  title: nonEmpty,
  status: optional(oneOf(STATUSES.filter((s) => s !== 'partly-in-force' && s !== 'upcoming'))),
  domains: optional(list(domainName, 1)),
  approximate: optional(boolean),
  source: optional(url(true)),
  primary: optional(boolean),
});
const forAudience = { consumer: nonEmpty, business: nonEmpty, federalContractor: nonEmpty };

/** A ruling's fields (the bundled data's also require lastVerified). */
export const rulingFields = {
  id: slug,
  shortName: nonEmpty,
  officialName: nonEmpty,
  agency: nonEmpty,
  office: optional(string()),
  authority: oneOf(AUTHORITIES),
  legalAuthority: nonEmpty,
  citations: list(nonEmpty, 1),
  announced: optional(isoDate),
  published: optional(isoDate),
  phases: list(phase),
  events: optional(list(event)),
  prohibits: nonEmpty,
  effect: oneOf(EFFECTS),
  binds: list(oneOf(BOUND_PARTIES), 1),
  doesNotBind: optional(string()),
  scope: optional(string()),
  status: record({ value: oneOf(STATUSES), asOf: isoDate, note: optional(string()) }),
  summary: nonEmpty,
  forYou: record(forAudience),
  sources: list(source, 1),
  lastVerified: optional(isoDate),
  openQuestions: optional(list(nonEmpty)),
};
const ruling = record(rulingFields);

export const vendor = record({
  id: slug,
  name: nonEmpty,
  legalNames: list(nonEmpty, 1),
  country: string((s) => (s.length === 2 ? null : 'expected exactly 2 characters')),
  parent: optional(string()),
  affiliates: optional(list(string())),
  aliases: list(nonEmpty),
  domains: list(
    record({
      domain: domainName,
      evidence: oneOf(['sourced', 'believed']),
      source: optional(url(false)),
      note: optional(string()),
      scope: optional(list(record({ ruling: slug, maxSeverity: oneOf(DOMAIN_CAPS), note: nonEmpty }), 1)),
    }),
  ),
  exclusions: optional(list(record({ domain: domainName, reason: nonEmpty }))),
  rulings: list(
    record({
      ruling: slug,
      since: optional(isoDate),
      scope: optional(string()),
      entities: optional(list(string())),
      note: optional(string()),
      effect: optional(oneOf(EFFECTS)),
      phases: optional(list(phase, 1)),
      events: optional(list(event)),
      forYou: optional(record(Object.fromEntries(Object.entries(forAudience).map(([k, c]) => [k, optional(c)])))),
    }),
    1,
  ),
  note: optional(string()),
});

const orgList = record({ rulings: optional(list(ruling)), vendors: list(vendor) });

/** The list as the format defines it (a fresh copy), or every way it is not. */
export function checkOrgListShape(raw: unknown): { list?: OrgList; errors: string[] } {
  const errors: string[] = [];
  const list = orgList(raw, '', errors) as OrgList;
  return errors.length ? { errors } : { list, errors };
}
