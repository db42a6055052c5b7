// Shared by the data-package tests: a signing key made for this test run (never a stored one),
// datasets derived from the bundled one, and packages built or hand-signed from them.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import raw from '../../src/data/dataset.json';
import type { Dataset } from '../../src/core/dataset/schema';
import { toBase64, utf8 } from '../../src/core/data-package/bytes';
import type { Envelope, Manifest, TrustedKey } from '../../src/core/data-package/format';
import { keyIdOf } from '../../src/core/data-package/signature';
import { rawPublicKey } from '../../scripts/data-package/signing-key';

export const bundled = (): Dataset => structuredClone(raw) as Dataset;

/** The bundled data at another version (meta.version and the first changelog entry move together). */
export function atVersion(version: string, change: (d: Dataset) => void = () => {}): Dataset {
  const d = bundled();
  d.meta.version = version;
  d.meta.changelog.unshift({ version, date: '2026-12-01', changes: ['Test release.'] });
  change(d);
  return d;
}

export const withoutVendors = (...ids: string[]) => (d: Dataset) => {
  d.vendors = d.vendors.filter((v) => !ids.includes(v.id));
};
export const withoutRulings = (...ids: string[]) => (d: Dataset) => {
  d.rulings = d.rulings.filter((r) => !ids.includes(r.id));
};

export interface TestKey {
  privateKey: KeyObject;
  trusted: TrustedKey;
}

export async function newTestKey(): Promise<TestKey> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const rawKey = rawPublicKey(privateKey);
  return { privateKey, trusted: { id: await keyIdOf(rawKey), publicKey: toBase64(rawKey) } };
}

/** Signs any manifest over any data, bypassing the packager's own checks: for packages it would refuse to make. */
export function signedText(key: TestKey, manifest: Manifest, datasetText: string, keyId = key.trusted.id): string {
  const manifestText = JSON.stringify(manifest);
  const envelope: Envelope = {
    format: 1,
    keyId,
    signature: toBase64(sign(null, utf8(manifestText), key.privateKey)),
    manifest: manifestText,
    dataset: datasetText,
  };
  return JSON.stringify(envelope);
}

/** Rewrites one field of a package's envelope, leaving the signature as it was. */
export function tampered(text: string, change: (e: Envelope) => void): string {
  const e = JSON.parse(text) as Envelope;
  change(e);
  return JSON.stringify(e);
}
