// public/managed-schema.json, the schema Chrome checks an administrator's policy against
// (manifest "storage.managed_schema"), generated from the settings model (src/core/settings.ts)
// and the organisation-list schema (src/core/dataset/schema.ts). Chrome drops every key its
// schema does not declare, so a field missing here would silently never reach BanWatch: the
// schema must follow the models, not be kept by hand. Chrome accepts only a subset of JSON
// Schema (type, properties, items, additionalProperties, id/$ref, description …; an unknown
// keyword makes it reject the whole schema), so only those are written; BanWatch validates
// every value itself (core/policy.ts).
import { z } from 'zod';
import { orgListSchema } from '../src/core/dataset/schema';
import { defaults, USER_SETTING_KEYS } from '../src/core/settings';

type Node = { type: string; properties?: Record<string, Node>; items?: Node; additionalProperties?: Node; [k: string]: unknown };

/** A setting's schema, from its default value's shape (an empty object default is a map of strings: `snoozed`). */
function fromValue(value: unknown): Node {
  if (Array.isArray(value)) return { type: 'array', items: { type: 'string' } };
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (!entries.length) return { type: 'object', additionalProperties: { type: 'string' } };
    return { type: 'object', properties: Object.fromEntries(entries.map(([k, v]) => [k, fromValue(v)])) };
  }
  return { type: typeof value };
}

/** Reduces a JSON Schema (zod's output) to the keywords Chrome's policy schema accepts. */
function chromeSubset(node: Record<string, unknown>): Node {
  const branches = (node.anyOf ?? node.oneOf) as Record<string, unknown>[] | undefined;
  if (branches) {
    const typed = branches.filter((b) => b.type !== 'null').map(chromeSubset);
    const first = typed[0] ?? { type: 'string' };
    if (first.type !== 'object') return first;
    return { type: 'object', properties: Object.assign({}, ...typed.map((b) => b.properties ?? {})) };
  }
  const out: Node = { type: node.type === 'integer' ? 'integer' : String(node.type) };
  if (node.properties) out.properties = Object.fromEntries(Object.entries(node.properties as Record<string, Record<string, unknown>>).map(([k, v]) => [k, chromeSubset(v)]));
  if (node.items) out.items = chromeSubset(node.items as Record<string, unknown>);
  if (node.additionalProperties && typeof node.additionalProperties === 'object') out.additionalProperties = chromeSubset(node.additionalProperties as Record<string, unknown>);
  return out;
}

export function managedSchema(): Record<string, unknown> {
  const settings = Object.fromEntries(USER_SETTING_KEYS.map((k) => [k, fromValue(defaults[k])]));
  const org = chromeSubset(z.toJSONSchema(orgListSchema, { io: 'input' }) as Record<string, unknown>);
  return {
    type: 'object',
    properties: {
      enforced: { id: 'BanWatchSettings', type: 'object', description: 'Settings the user cannot change (shown locked: "Set by your organisation").', properties: settings },
      defaults: { $ref: 'BanWatchSettings', description: 'Starting values the user may change.' },
      allowedSites: { type: 'array', description: "Hosts never warned on; merged with the user's own allowlist.", items: { type: 'string' } },
      organisationVendors: { type: org.type, description: "The organisation's own vendor list, same format as the bundled data (see docs/admin.md).", properties: org.properties },
    },
  };
}
