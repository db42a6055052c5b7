// The signed data package: one static JSON file holding the dataset, a manifest describing it,
// and an Ed25519 signature over the manifest. The manifest and the dataset travel as strings, so
// the signature and the digest cover exact bytes and no JSON re-serialisation can change them.
//
//   { "format": 1, "keyId": "…", "signature": "<base64>", "manifest": "<JSON>", "dataset": "<JSON>" }
import type { Dataset } from '../dataset/schema';
import { isIsoDay } from '../dataset/checks';
import { isPlainObject } from '../values';
import { isVersion } from './version';

// No zod: the service worker reads packages, and it cannot carry a schema library (see
// dataset/org-shape.ts). These readers are the format's one definition.

/** An id the publisher removed on purpose, and the version that removed it. Carried forward, so a user who skips versions still sees it. */
export interface Removal {
  kind: 'vendor' | 'ruling';
  id: string;
  version: string;
}

export interface Counts {
  vendors: number;
  rulings: number;
  domains: number;
}

export interface Manifest {
  format: 1;
  version: string; // equals the dataset's meta.version
  date: string; // when the package was made (ISO day)
  sha256: string; // of the dataset string's UTF-8 bytes
  previousVersion: string | null; // the package this one follows; null for the first
  counts: Counts;
  removals: Removal[];
}

export interface Envelope {
  format: 1;
  keyId: string; // which trusted key signed it; the signature, not this hint, is the proof
  signature: string; // base64 Ed25519 signature of the manifest string's UTF-8 bytes
  manifest: string;
  dataset: string;
}

/** `v` is a plain object with exactly these keys. */
const exactly = (v: unknown, keys: string[]): v is Record<string, unknown> =>
  isPlainObject(v) && Object.keys(v).length === keys.length && keys.every((k) => Object.hasOwn(v, k));
const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const count = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

function isRemoval(v: unknown): v is Removal {
  return exactly(v, ['kind', 'id', 'version']) && (v.kind === 'vendor' || v.kind === 'ruling') && text(v.id) && isVersion(v.version);
}

/** The manifest, or null when `raw` is not one. */
export function readManifest(raw: unknown): Manifest | null {
  if (!exactly(raw, ['format', 'version', 'date', 'sha256', 'previousVersion', 'counts', 'removals'])) return null;
  const { format, version, date, sha256, previousVersion, counts, removals } = raw;
  const ok =
    format === 1 &&
    isVersion(version) &&
    typeof date === 'string' &&
    isIsoDay(date) &&
    typeof sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(sha256) &&
    (previousVersion === null || isVersion(previousVersion)) &&
    exactly(counts, ['vendors', 'rulings', 'domains']) &&
    count(counts.vendors) &&
    count(counts.rulings) &&
    count(counts.domains) &&
    Array.isArray(removals) &&
    removals.every(isRemoval);
  return ok ? (raw as unknown as Manifest) : null;
}

/** The envelope, or null when `raw` is not one. */
export function readEnvelope(raw: unknown): Envelope | null {
  if (!exactly(raw, ['format', 'keyId', 'signature', 'manifest', 'dataset'])) return null;
  const ok = raw.format === 1 && text(raw.keyId) && text(raw.signature) && text(raw.manifest) && text(raw.dataset);
  return ok ? (raw as unknown as Envelope) : null;
}

/** A public key the extension trusts: its id and its raw 32-byte Ed25519 key in base64. */
export interface TrustedKey {
  id: string;
  publicKey: string;
}

export function countsOf(ds: Dataset): Counts {
  return {
    vendors: ds.vendors.length,
    rulings: ds.rulings.length,
    domains: ds.vendors.reduce((n, v) => n + v.domains.length, 0),
  };
}
