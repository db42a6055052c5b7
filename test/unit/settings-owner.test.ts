// The settings owner (src/shared/settings-owner.ts) over fake storage areas whose every call
// takes a random few milliseconds, so concurrent writers really interleave. Several contexts
// (each its own owner, as the background and each extension page are) change the lists at once;
// with the shared lock none of their changes is lost, and without it (the positive control) the
// same workload loses some. A key storage.sync refuses is kept in local, named, and moved back
// once it fits.
import { describe, expect, it } from 'vitest';
import { settingsOwner, type Area } from '../../src/shared/settings-owner';
import { emptyPolicy, type Policy } from '../../src/core/policy';

const tick = () => new Promise((r) => setTimeout(r, Math.random() * 4));

/** An in-memory storage area; `refuse` makes set() throw for some writes, like sync's quotas. */
function area(refuse: (values: Record<string, unknown>) => boolean = () => false): Area & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    async get(keys) {
      await tick();
      return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
    },
    async set(values) {
      await tick();
      if (refuse(values)) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      Object.assign(data, structuredClone(values));
    },
    async remove(keys) {
      await tick();
      for (const k of keys) delete data[k];
    },
  };
}

/** navigator.locks' exclusive mode, for one origin: requests for a name run one after another. */
function lockManager(): Pick<LockManager, 'request'> {
  const queues = new Map<string, Promise<unknown>>();
  return {
    request: ((name: string, task: () => Promise<unknown>) => {
      const run = (queues.get(name) ?? Promise.resolve()).then(task);
      queues.set(name, run.catch(() => undefined));
      return run;
    }) as LockManager['request'],
  };
}

const policy = (p: Policy = emptyPolicy()) => async () => ({ policy: p, settled: true });

/** Five contexts at once: three add sites, one removes sites, one hides and un-hides vendors. */
async function workload(locks: () => Pick<LockManager, 'request'> | undefined) {
  const sync = area();
  const local = area();
  sync.data.allowedSites = ['a1.example', 'a2.example', 'a3.example', 'a4.example'];
  sync.data.hiddenVendors = ['kaspersky', 'huawei'];
  const shared = locks();
  const context = () => settingsOwner({ sync, local, locks: shared, policy: policy() });
  const [bg, tab1, tab2, options, other] = [context(), context(), context(), context(), context()];
  const add = (owner: typeof bg, host: string) => owner.update((s) => ({ allowedSites: [...s.allowedSites, host] }));
  await Promise.all([
    ...['b1', 'b2', 'b3', 'b4'].map((h) => add(bg, `${h}.example`)),
    ...['c1', 'c2', 'c3'].map((h) => add(tab1, `${h}.example`)),
    ...['d1', 'd2', 'd3'].map((h) => add(tab2, `${h}.example`)),
    ...['a1', 'a3'].map((h) => options.update((s) => ({ allowedSites: s.allowedSites.filter((x) => x !== `${h}.example`) }))),
    other.update((s) => ({ hiddenVendors: [...s.hiddenVendors, 'dji'] })),
    other.update((s) => ({ hiddenVendors: s.hiddenVendors.filter((x) => x !== 'huawei') })),
  ]);
  return (await bg.load()).settings;
}

describe('no lost updates', () => {
  it('concurrent list edits from several contexts all land', async () => {
    for (let round = 0; round < 5; round++) {
      const s = await workload(lockManager);
      expect([...s.allowedSites].sort()).toEqual(['a2', 'a4', 'b1', 'b2', 'b3', 'b4', 'c1', 'c2', 'c3', 'd1', 'd2', 'd3'].map((h) => `${h}.example`));
      expect([...s.hiddenVendors].sort()).toEqual(['dji', 'kaspersky']);
    }
  });

  it('positive control: the same workload without the shared lock loses changes', async () => {
    let lost = 0;
    for (let round = 0; round < 5; round++) {
      const s = await workload(() => undefined);
      if (s.allowedSites.length !== 12 || s.hiddenVendors.length !== 2) lost++;
    }
    expect(lost).toBeGreaterThan(0);
  });

  it('never writes an enforced key, nor the administrator allowlisted hosts', async () => {
    const sync = area();
    const p: Policy = { ...emptyPolicy(), enforced: { enabled: true }, allowedSites: ['intranet.example.com'] };
    const owner = settingsOwner({ sync, local: area(), locks: lockManager(), policy: policy(p) });
    await owner.update((s) => ({ enabled: false, allowedSites: [...s.allowedSites, 'www.kaspersky.com'] }));
    expect(sync.data).toEqual({ allowedSites: ['www.kaspersky.com'], schemaVersion: 1 });
  });
});

describe('reset', () => {
  it('forgets every stored value and names the settings whose value changed', async () => {
    const sync = area();
    const local = area();
    const owner = settingsOwner({ sync, local, locks: lockManager(), policy: policy() });
    await owner.update({ audience: 'business', warningStyle: 'strict', minSeverity: 'restricted', allowedSites: ['www.dji.com'], decisionLog: true });
    local.data.hiddenVendors = ['zte']; // kept off sync earlier
    expect((await owner.reset()).sort()).toEqual(['allowedSites', 'audience', 'decisionLog', 'hiddenVendors', 'warningStyle']);
    expect({ ...sync.data, ...local.data }).toEqual({});
    // A stored value equal to the default (minSeverity) changed nothing: not named. Nothing left to change: none named.
    expect(await owner.reset()).toEqual([]);
  });

  it('never names a key the administrator enforces, though a value stored under it is forgotten', async () => {
    const sync = area();
    const p: Policy = { ...emptyPolicy(), enforced: { enabled: true, decisionLog: true }, defaults: { audience: 'business' }, allowedSites: ['intranet.example.com'] };
    const owner = settingsOwner({ sync, local: area(), locks: lockManager(), policy: policy(p) });
    await owner.update({ audience: 'federal-contractor', allowedSites: ['intranet.example.com', 'www.dji.com'] });
    sync.data.enabled = false; // stored before the policy enforced it: no effect now
    const changed = await owner.reset();
    expect(changed.sort()).toEqual(['allowedSites', 'audience']);
    expect(sync.data).toEqual({});
    expect((await owner.load()).settings).toMatchObject({ enabled: true, decisionLog: true, audience: 'business', allowedSites: ['intranet.example.com'] });
  });

  it('until the browser delivers the policy, names a key the cached copy enforces if the reset relaxed it', async () => {
    const sync = area();
    const cached: Policy = { ...emptyPolicy(), enforced: { warningStyle: 'banner' } };
    const owner = settingsOwner({ sync, local: area(), locks: lockManager(), policy: async () => ({ policy: cached, settled: false }) });
    Object.assign(sync.data, { warningStyle: 'strict', schemaVersion: 1 }); // the user's own, more restrictive than the cached copy's: it applies
    expect((await owner.load()).settings.warningStyle).toBe('strict');
    expect(await owner.reset()).toEqual(['warningStyle']);
    expect((await owner.load()).settings.warningStyle).toBe('banner');
  });
});

describe('when storage.sync refuses a key', () => {
  const PER_ITEM = 8192; // chrome.storage.sync.QUOTA_BYTES_PER_ITEM
  const tooBig = (values: Record<string, unknown>) => Object.entries(values).some(([k, v]) => k.length + JSON.stringify(v).length > PER_ITEM);
  const many = (n: number) => Array.from({ length: n }, (_, i) => `site-${i}-${'x'.repeat(40)}.example.com`);

  it('keeps it in local, names it, keeps the others in sync, and moves it back once it fits', async () => {
    const sync = area(tooBig);
    const local = area();
    const owner = settingsOwner({ sync, local, locks: lockManager(), policy: policy() });
    await owner.update({ allowedSites: many(300), audience: 'business' });
    expect(Object.keys(local.data)).toEqual(['allowedSites']);
    expect(sync.data.audience).toBe('business');
    let state = await owner.load();
    expect(state.localOnly).toEqual(['allowedSites']);
    expect(state.settings.allowedSites).toHaveLength(300); // nothing lost meanwhile

    await owner.update({ minSeverity: 'listed' }); // still too big: stays in local
    expect(Object.keys(local.data)).toEqual(['allowedSites']);

    await owner.update((s) => ({ allowedSites: s.allowedSites.slice(0, 20) }));
    state = await owner.load();
    expect(local.data).toEqual({});
    expect(sync.data.allowedSites).toHaveLength(20);
    expect(state.localOnly).toEqual([]);
    expect(state.settings).toMatchObject({ audience: 'business', minSeverity: 'listed' });
  });

  it('a key kept in local moves back with the next write of any key, once sync takes it', async () => {
    let full = true;
    const sync = area(() => full);
    const local = area();
    const owner = settingsOwner({ sync, local, locks: lockManager(), policy: policy() });
    await owner.update({ hiddenVendors: ['dji'] });
    expect(local.data.hiddenVendors).toEqual(['dji']);
    full = false; // e.g. the write-rate quota recovered
    await owner.update({ decisionLog: true });
    expect(local.data).toEqual({});
    expect(sync.data).toMatchObject({ hiddenVendors: ['dji'], decisionLog: true });
  });

  it('unreadable values in local are not reported as kept off sync, nor moved anywhere', async () => {
    const sync = area();
    const local = area();
    local.data.audience = ['consumer']; // garbage: falls back to the default (or the administrator's)
    local.data.hiddenVendors = ['dji', 42]; // repairable: ['dji'] counts, and moves to sync
    const owner = settingsOwner({ sync, local, locks: lockManager(), policy: policy() });
    expect((await owner.load()).localOnly).toEqual(['hiddenVendors']);
    await owner.update({ decisionLog: true });
    expect(local.data).toEqual({ audience: ['consumer'] });
    expect(sync.data.hiddenVendors).toEqual(['dji']);
  });
});
