// Generates the JSON Schema files that organisations (and editors) use to validate vendor lists,
// and the managed-storage schema Chrome checks policies against (scripts/managed-schema.ts).
// The zod schema in src/core/dataset/schema.ts and the settings model are the source of truth;
// these files are derived from them and a unit test (test/unit/dataset-schema-files.test.ts)
// fails if they drift.
//
// Write them with:  node scripts/schema-cli.mjs
import { z } from 'zod';
import { datasetSchema, orgListSchema } from '../src/core/dataset/schema';
import { managedSchema } from './managed-schema';

function render(schema: z.ZodType, title: string, description: string): string {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = json;
  return `${JSON.stringify({ $schema, title, description, ...rest }, null, 2)}\n`;
}

/** Relative path (from the repository root) → file content. */
export function schemaFiles(): Record<string, string> {
  return {
    'schema/dataset.schema.json': render(
      datasetSchema,
      'BanWatch restricted-vendor dataset',
      'The bundled dataset of US federal rulings and the technology vendors they name. Generated from src/core/dataset/schema.ts; do not edit by hand.',
    ),
    'schema/org-vendors.schema.json': render(
      orgListSchema,
      'BanWatch organisation vendor list',
      "An organisation's own vendor list: the same vendor and ruling format as the bundled dataset. Vendors may reference bundled ruling ids. Generated from src/core/dataset/schema.ts; do not edit by hand.",
    ),
    'public/managed-schema.json': `${JSON.stringify(managedSchema(), null, 2)}\n`,
  };
}
