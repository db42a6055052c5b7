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
