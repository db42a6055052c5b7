// The acceptance rules the update channel applies to a downloaded package (src/core/data-package).
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkUpdate, openPackage, type UpdateContext } from '../../src/core/data-package/accept';
import { sha256Hex, utf8 } from '../../src/core/data-package/bytes';
import { countsOf, type Manifest } from '../../src/core/data-package/format';
import { chooseActive, compareVersions, isVersion } from '../../src/core/data-package/version';
import { isRegistrableHost } from '../../src/core/dataset/registrable';
import type { Dataset } from '../../src/core/dataset/schema';
import { buildPackage } from '../../scripts/data-package/build-package';
import { atVersion, bundled, newTestKey, signedText, tampered, withoutRulings, withoutVendors, type TestKey } from './data-package-fixtures';

let key: TestKey;
let otherKey: TestKey;
beforeAll(async () => {
  key = await newTestKey();
  otherKey = await newTestKey();
});
afterEach(() => vi.restoreAllMocks());

const context = (over: Partial<UpdateContext> = {}): UpdateContext => ({
  trustedKeys: [key.trusted],
  bundled: bundled(),
  active: bundled(),
  isHost: isRegistrableHost,
  ...over,
});

async function packaged(d: Dataset, by: TestKey = key, removals: { kind: 'vendor' | 'ruling'; id: string }[] = []): Promise<string> {
  const previousText = removals.length ? (await buildPackage({ datasetText: JSON.stringify(bundled()), removals: [], date: '2026-11-28', signingKey: by.privateKey })).text : undefined;
  return (await buildPackage({ datasetText: JSON.stringify(d), previousText, removals, date: '2026-12-01', signingKey: by.privateKey })).text;
}

/** A manifest that truthfully describes `d`, for hand-signed packages. */
async function manifestFor(d: Dataset, text: string): Promise<Manifest> {
  return { format: 1, version: d.meta.version, date: '2026-12-01', sha256: await sha256Hex(utf8(text)), previousVersion: null, counts: countsOf(d), removals: [] };
}

describe('checkUpdate', () => {
  it('accepts a newer, valid package signed by a trusted key', async () => {
    const result = await checkUpdate(await packaged(atVersion('2026.12.01')), context());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.manifest.version).toBe('2026.12.01');
      expect(result.dataset.vendors.length).toBe(bundled().vendors.length);
    }
  });

  it('accepts a package signed by any key on the trusted list (key rotation) and refuses one signed by a key not on it', async () => {
    const byOther = await packaged(atVersion('2026.12.01'), otherKey);
    expect((await checkUpdate(byOther, context({ trustedKeys: [key.trusted, otherKey.trusted] }))).ok).toBe(true);
    expect(await checkUpdate(byOther, context())).toMatchObject({ ok: false, reason: 'unknown-key' });
  });

  it('refuses a bad signature: a changed manifest, a signature from another key under a trusted id, or a signature that is not base64', async () => {
    const text = await packaged(atVersion('2026.12.01'));
    const changedManifest = tampered(text, (e) => {
      e.manifest = e.manifest.replace('"date":"2026-12-01"', '"date":"2026-12-02"');
    });
    expect(await checkUpdate(changedManifest, context())).toMatchObject({ ok: false, reason: 'bad-signature' });
    const d = atVersion('2026.12.01');
    const impostor = signedText(otherKey, await manifestFor(d, JSON.stringify(d)), JSON.stringify(d), key.trusted.id);
    expect(await checkUpdate(impostor, context())).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(await checkUpdate(tampered(text, (e) => void (e.signature = '%%%')), context())).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('refuses data that is not the data that was signed', async () => {
    const text = await packaged(atVersion('2026.12.01'));
    const swapped = tampered(text, (e) => {
      e.dataset = e.dataset.replace('"Kaspersky"', '"Kasperski"');
    });
    expect(await checkUpdate(swapped, context())).toMatchObject({ ok: false, reason: 'digest-mismatch' });
  });

  it('refuses what is not a package', async () => {
    for (const text of ['', 'not json', '{}', '[]', JSON.stringify({ format: 2, keyId: 'x', signature: 'x', manifest: 'x', dataset: 'x' })]) {
      expect(await checkUpdate(text, context()), text).toMatchObject({ ok: false, reason: 'malformed' });
    }
  });

  it('refuses a version not newer than the bundled data, the data in use, or the highest version ever accepted', async () => {
    const text = await packaged(atVersion('2026.12.01'));
    expect(await checkUpdate(await packaged(atVersion('2026.11.28')), context())).toMatchObject({ ok: false, reason: 'not-newer' });
    expect(await checkUpdate(await packaged(atVersion('2026.11.01')), context())).toMatchObject({ ok: false, reason: 'not-newer' });
    expect(await checkUpdate(text, context({ active: atVersion('2026.12.01') }))).toMatchObject({ ok: false, reason: 'not-newer' });
    const rollback = await checkUpdate(text, context({ highestAccepted: '2026.12.05' }));
    expect(rollback).toMatchObject({ ok: false, reason: 'not-newer', detail: 'Version 2026.12.01 is not newer than 2026.12.05.' });
    expect(await checkUpdate(text, context({ highestAccepted: 'garbage' }))).toMatchObject({ ok: false, reason: 'not-newer' });
    expect((await checkUpdate(text, context({ highestAccepted: '2026.11.30' }))).ok).toBe(true);
  });

  it('refuses schema-invalid data even when it is properly signed', async () => {
    const d = atVersion('2026.12.01');
    const broken = JSON.parse(JSON.stringify(d)) as Record<string, unknown> & Dataset;
    (broken.vendors[0] as unknown as Record<string, unknown>).country = 'Russia';
    const text = JSON.stringify(broken);
    const result = await checkUpdate(signedText(key, await manifestFor(d, text), text), context());
    expect(result).toMatchObject({ ok: false, reason: 'invalid-data' });
    if (!result.ok) expect(result.detail).toContain('vendors.0.country');
    const notJson = 'this is not JSON';
    expect(await checkUpdate(signedText(key, await manifestFor(d, notJson), notJson), context())).toMatchObject({ ok: false, reason: 'invalid-data' });
  });

  it('refuses a manifest whose version or counts do not describe its data', async () => {
    const d = atVersion('2026.12.01');
    const text = JSON.stringify(d);
    const manifest = await manifestFor(d, text);
    const wrongCount = signedText(key, { ...manifest, counts: { ...manifest.counts, domains: manifest.counts.domains + 1 } }, text);
    expect(await checkUpdate(wrongCount, context())).toMatchObject({ ok: false, reason: 'manifest-mismatch' });
    const wrongVersion = signedText(key, { ...manifest, version: '2026.12.02' }, text);
    expect(await checkUpdate(wrongVersion, context())).toMatchObject({ ok: false, reason: 'manifest-mismatch' });
  });

  it('refuses a package that drops a vendor unless its signed manifest declares the removal', async () => {
    const d = atVersion('2026.12.01', withoutVendors('hesai'));
    const text = JSON.stringify(d);
    const undeclared = await checkUpdate(signedText(key, await manifestFor(d, text), text), context());
    expect(undeclared).toMatchObject({ ok: false, reason: 'drops-vendors' });
    if (!undeclared.ok) expect(undeclared.detail).toContain('hesai');
    expect((await checkUpdate(await packaged(d, key, [{ kind: 'vendor', id: 'hesai' }]), context())).ok).toBe(true);
  });

  it('tolerates up to 5 % of rulings dropped without a declaration, and refuses more unless declared', async () => {
    const rulings = bundled().rulings.length;
    expect(rulings).toBeGreaterThan(20); // so one ruling is under 5 % and two are over
    const sign = async (d: Dataset) => signedText(key, await manifestFor(d, JSON.stringify(d)), JSON.stringify(d));
    expect((await checkUpdate(await sign(atVersion('2026.12.01', withoutRulings('fcc-oet-update-waiver-2026'))), context())).ok).toBe(true);
    const two = atVersion('2026.12.01', withoutRulings('fcc-oet-update-waiver-2026', 'tp-link-proposed-ban'));
    expect(await checkUpdate(await sign(two), context())).toMatchObject({ ok: false, reason: 'drops-rulings' });
    const declared = await packaged(two, key, [
      { kind: 'ruling', id: 'fcc-oet-update-waiver-2026' },
      { kind: 'ruling', id: 'tp-link-proposed-ban' },
    ]);
    expect((await checkUpdate(declared, context())).ok).toBe(true);
  });

  it('measures drops against the data in use, so a removal declared by an earlier package stays declared', async () => {
    const v1 = await buildPackage({ datasetText: JSON.stringify(bundled()), removals: [], date: '2026-11-28', signingKey: key.privateKey });
    const d2 = atVersion('2026.12.01', withoutVendors('hesai'));
    const v2 = await buildPackage({ datasetText: JSON.stringify(d2), previousText: v1.text, removals: [{ kind: 'vendor', id: 'hesai' }], date: '2026-12-01', signingKey: key.privateKey });
    const d3 = atVersion('2026.12.08', withoutVendors('hesai'));
    const v3 = await buildPackage({ datasetText: JSON.stringify(d3), previousText: v2.text, removals: [], date: '2026-12-08', signingKey: key.privateKey });
    // A user still on the bundled data skips 2026.12.01 and goes straight to 2026.12.08.
    expect((await checkUpdate(v3.text, context())).ok).toBe(true);
  });

  it('says so when the browser has no Ed25519, instead of calling the signature bad', async () => {
    const text = await packaged(atVersion('2026.12.01'));
    vi.spyOn(crypto.subtle, 'importKey').mockRejectedValue(new DOMException('Unrecognized name.', 'NotSupportedError'));
    expect(await checkUpdate(text, context())).toMatchObject({ ok: false, reason: 'no-ed25519' });
  });
});

describe('openPackage', () => {
  it('returns the signed manifest and the exact data text', async () => {
    const d = atVersion('2026.12.01');
    const opened = await openPackage(await packaged(d), [key.trusted]);
    expect(opened.ok && opened.datasetText).toBe(JSON.stringify(d));
    expect(opened.ok && opened.keyId).toBe(key.trusted.id);
  });
});

describe('chooseActive', () => {
  it('uses an accepted package only while it is newer than the bundled data', () => {
    const newer = atVersion('2026.12.01');
    expect(chooseActive(bundled(), newer)).toBe(newer);
    const b = bundled();
    expect(chooseActive(b, atVersion('2026.11.01'))).toBe(b);
    expect(chooseActive(b, atVersion('2026.11.28'))).toBe(b);
    expect(chooseActive(b, undefined)).toBe(b);
  });
});

describe('versions', () => {
  it('orders dates and same-day counters', () => {
    expect(compareVersions('2026.12.01', '2026.11.28')).toBe(1);
    expect(compareVersions('2026.11.28', '2026.12.01')).toBe(-1);
    expect(compareVersions('2026.11.28.2', '2026.11.28')).toBe(1);
    expect(compareVersions('2026.11.28.10', '2026.11.28.9')).toBe(1);
    expect(compareVersions('2026.11.28', '2026.11.28.0')).toBe(0);
    expect(compareVersions('2027.01.01', 'nonsense')).toBe(0);
    expect([isVersion('2026.11.28'), isVersion('2026-11-28'), isVersion(20261128)]).toEqual([true, false, false]);
  });
});
