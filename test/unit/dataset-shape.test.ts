// The zod-free shape check of a whole dataset (what the service worker runs on a data package)
// must accept and refuse exactly what the format's zod schema (the source of truth) does: on the
// bundled dataset, and on each of many mutations of every field of a sample of every kind of entry.
import { describe, expect, it } from 'vitest';
import { datasetSchema } from '../../src/core/dataset/schema';
import { checkDatasetShape } from '../../src/core/dataset/dataset-shape';
import raw from '../../src/data/dataset.json';
import { mutate, paths } from './json-mutations';

type Json = unknown;
const data = raw as unknown as Record<string, Record<string, Json>[]> & { meta: Record<string, Json> };

function agree(ds: Json): boolean {
  const zod = datasetSchema.safeParse(ds);
  const ours = checkDatasetShape(ds);
  expect(ours.dataset !== undefined, String(JSON.stringify(ds)).slice(0, 400)).toBe(zod.success);
  if (zod.success) expect(ours.dataset).toEqual(zod.data);
  else expect(ours.errors.length).toBeGreaterThan(0);
  return zod.success;
}

const VALUES: Json[] = [7, null, '', 'Not a slug', 'acme.com', ' https://a.example/p ', 'http:a.example', '2023-02-29', '2026.11.28', [], ['x'], { extra: 1 }];

describe('dataset shape without zod', () => {
  it('accepts the bundled dataset as zod does, with the same result', () => {
    expect(agree(raw)).toBe(true);
  });

  it('refuses the wrong top-level shapes as zod does', () => {
    for (const v of [undefined, null, 'x', [], {}, { ...data, extra: 1 }, { ...data, vendors: {} }, { ...data, meta: { ...data.meta, changelog: [] } }]) {
      agree(v);
    }
  });

  // A small dataset with one entry of each kind, the ruling and vendor with every optional part present.
  const rulings = data.rulings!;
  const vendors = data.vendors!;
  const richRuling = rulings.find((r) => r.events && r.office && r.doesNotBind && r.openQuestions) ?? rulings[0]!;
  const richVendor = vendors.find((v) => (v.domains as { scope?: Json }[]).some((d) => d.scope) && v.exclusions) ?? vendors[0]!;
  const meta = { ...data.meta, changelog: (data.meta.changelog as Json[]).slice(0, 1) };
  const base = { meta, rulings: [richRuling], vendors: [richVendor], notRestricted: data.notRestricted!.slice(0, 1), reportedLinks: data.reportedLinks!.slice(0, 1) };

  it('agrees on every field deleted, retyped or given a bad value', () => {
    expect(agree(base)).toBe(true);
    let refused = 0;
    let checked = 0;
    for (const path of paths(base)) {
      for (const how of ['delete' as const, ...VALUES.map((value) => ({ value }))]) {
        checked++;
        if (!agree(mutate(base, path, how))) refused++;
      }
    }
    // A positive control: most mutations must be refusals, or the test proves nothing.
    expect(refused).toBeGreaterThan(checked / 2);
  }, 120_000);

  it('agrees on an unknown key added to every object', () => {
    for (const path of [[], ...paths(base)]) {
      const copy = structuredClone(base) as Json;
      let target = copy as Record<string | number, Json>;
      for (const key of path) target = target[key] as Record<string | number, Json>;
      if (!target || typeof target !== 'object' || Array.isArray(target)) continue;
      target.unexpected = 1;
      expect(agree(copy)).toBe(false);
    }
  });
});
