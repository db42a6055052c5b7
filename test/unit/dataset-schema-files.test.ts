import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaFiles } from '../../scripts/schema';

const root = resolve(__dirname, '../..');

describe('committed JSON Schema files', () => {
  for (const [path, expected] of Object.entries(schemaFiles())) {
    it(`${path} matches the zod schema (regenerate with: node scripts/schema-cli.mjs)`, () => {
      expect(readFileSync(resolve(root, path), 'utf8')).toBe(expected);
    });
  }

  it('describes the fields other code relies on', () => {
    const ds = JSON.parse(schemaFiles()['schema/dataset.schema.json'] as string);
    expect(Object.keys(ds.properties)).toEqual(['meta', 'rulings', 'vendors', 'notRestricted', 'reportedLinks']);
    const org = JSON.parse(schemaFiles()['schema/org-vendors.schema.json'] as string);
    expect(org.required).toEqual(['vendors']);
    expect(org.additionalProperties).toBe(false);
  });
});

describe('public/managed-schema.json (what Chrome checks a policy against)', () => {
  const schema = JSON.parse(schemaFiles()['public/managed-schema.json'] as string);
  // The keywords Chrome's policy schema accepts; anything else makes it reject the whole schema.
  const CHROME = new Set(['type', 'description', 'properties', 'items', 'additionalProperties', 'patternProperties', 'id', '$ref', 'enum', 'minimum', 'maximum', 'pattern', 'required', 'title', 'sensitiveValue']);

  it('uses only keywords Chrome accepts', () => {
    const bad: string[] = [];
    const walk = (node: Record<string, unknown>, path: string) => {
      for (const [k, v] of Object.entries(node)) {
        if (!CHROME.has(k)) bad.push(`${path}.${k}`);
        if (k === 'properties') for (const [name, sub] of Object.entries(v as Record<string, Record<string, unknown>>)) walk(sub, `${path}.${name}`);
        if ((k === 'items' || k === 'additionalProperties') && typeof v === 'object') walk(v as Record<string, unknown>, `${path}.${k}`);
      }
    };
    walk(schema, '');
    expect(bad).toEqual([]);
  });

  it('declares every setting, and every valid value of each passes it (Chrome would drop what it does not declare)', async () => {
    const { defaults, USER_SETTING_KEYS } = await import('../../src/core/settings');
    const settings = schema.properties.enforced.properties;
    expect(Object.keys(settings).sort()).toEqual([...USER_SETTING_KEYS].sort());
    const fits = (node: Record<string, any>, v: unknown): boolean => { // eslint-disable-line @typescript-eslint/no-explicit-any
      if (node.type === 'array') return Array.isArray(v) && v.every((x) => fits(node.items, x));
      if (node.type === 'object') {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
        return Object.entries(v).every(([k, x]) => (node.properties?.[k] ? fits(node.properties[k], x) : node.additionalProperties ? fits(node.additionalProperties, x) : false));
      }
      return typeof v === node.type;
    };
    const samples: Record<string, unknown[]> = {
      allowedSites: [['intranet.example.com']],
      hiddenVendors: [['kaspersky']],
      snoozed: [{ kaspersky: '1a2b3c4d' }],
      authorities: [{ ...defaults.authorities, fcc: false }],
    };
    for (const key of USER_SETTING_KEYS) {
      for (const v of [defaults[key], ...(samples[key] ?? [])]) expect(fits(settings[key], v), `${key}: ${JSON.stringify(v)}`).toBe(true);
    }
    expect(schema.properties.defaults.$ref).toBe(schema.properties.enforced.id);
  });

  it("declares every field of the organisation's vendor list", async () => {
    const { orgListSchema } = await import('../../src/core/dataset/schema');
    const vendor = schema.properties.organisationVendors.properties.vendors.items.properties;
    const ruling = schema.properties.organisationVendors.properties.rulings.items.properties;
    const shape = (s: unknown) => Object.keys((s as { shape: object }).shape);
    const list = orgListSchema as unknown as { shape: { vendors: { element: unknown }; rulings: { unwrap(): { element: unknown } } } };
    expect(Object.keys(vendor).sort()).toEqual(shape(list.shape.vendors.element).sort());
    expect(Object.keys(ruling).sort()).toEqual(shape(list.shape.rulings.unwrap().element).sort());
  });
});
