// The zod-free shape check of an organisation's list (what the extension runs) must accept and
// refuse exactly what the format's zod schema (the source of truth) does: on every bundled ruling
// and vendor, and on each of many mutations of every field of them.
import { describe, expect, it } from 'vitest';
import { orgListSchema } from '../../src/core/dataset/schema';
import { checkOrgListShape } from '../../src/core/dataset/org-shape';
import raw from '../../src/data/dataset.json';
import { mutate, paths } from './json-mutations';

type Json = unknown;
const data = raw as { rulings: Record<string, Json>[]; vendors: Record<string, Json>[] };

function agree(list: Json): { zodOk: boolean; ours: ReturnType<typeof checkOrgListShape> } {
  const zod = orgListSchema.safeParse(list);
  const ours = checkOrgListShape(list);
  expect(ours.list !== undefined, String(JSON.stringify(list)).slice(0, 400)).toBe(zod.success);
  if (zod.success) expect(ours.list).toEqual(zod.data);
  else expect(ours.errors.length).toBeGreaterThan(0);
  return { zodOk: zod.success, ours };
}

const VALUES: Json[] = [7, null, '', 'Not a slug', 'acme.com', ' https://a.example/p ', 'http:a.example', '2023-02-29', [], ['x'], { extra: 1 }];

describe('organisation list shape without zod', () => {
  it('accepts the bundled rulings and vendors as zod does, with the same result', () => {
    expect(agree({ rulings: data.rulings, vendors: data.vendors }).zodOk).toBe(true);
    expect(agree({ vendors: data.vendors.slice(0, 3) }).zodOk).toBe(true);
  });

  it('refuses the wrong top-level shapes as zod does', () => {
    for (const v of [undefined, null, 'vendors', [], {}, { vendors: {} }, { vendors: [], extra: 1 }, { rulings: 'x', vendors: [] }]) agree(v);
  });

  // One ruling and one vendor with every optional part present (events, scopes, exclusions, per-vendor forYou).
  const richRuling = data.rulings.find((r) => r.events && r.office && r.doesNotBind && r.openQuestions) ?? data.rulings[0]!;
  const richVendor =
    data.vendors.find((v) => (v.domains as { scope?: Json }[]).some((d) => d.scope) && v.exclusions) ?? data.vendors[0]!;
  const base = { rulings: [richRuling], vendors: [richVendor] };

  it('agrees on every field deleted, retyped or given a bad value', () => {
    let refused = 0;
    let checked = 0;
    for (const path of paths(base)) {
      for (const how of ['delete' as const, ...VALUES.map((value) => ({ value }))]) {
        checked++;
        if (!agree(mutate(base, path, how)).zodOk) refused++;
      }
    }
    // A positive control: most mutations must be refusals, or the test proves nothing.
    expect(refused).toBeGreaterThan(checked / 2);
  }, 120_000);

  it('agrees on an unknown key added to every object', () => {
    for (const path of paths(base)) {
      const copy = structuredClone(base) as Json;
      let target = copy as Record<string | number, Json>;
      for (const key of path) target = target[key] as Record<string | number, Json>;
      if (!target || typeof target !== 'object' || Array.isArray(target)) continue;
      target.unexpected = 1;
      expect(agree(copy).zodOk).toBe(false);
    }
  });
});
