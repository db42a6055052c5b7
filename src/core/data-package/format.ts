// The signed data package: one static JSON file holding the dataset, a manifest describing it,
// and an Ed25519 signature over the manifest. The manifest and the dataset travel as strings, so
// the signature and the digest cover exact bytes and no JSON re-serialisation can change them.
//
//   { "format": 1, "keyId": "…", "signature": "<base64>", "manifest": "<JSON>", "dataset": "<JSON>" }
import { z } from 'zod';
import type { Dataset } from '../dataset/schema';
import { isVersion } from './version';

const version = z.string().refine(isVersion, 'version like 2026.11.28');
const count = z.number().int().nonnegative();

/** An id the publisher removed on purpose, and the version that removed it. Carried forward, so a user who skips versions still sees it. */
const removalSchema = z.strictObject({
  kind: z.enum(['vendor', 'ruling']),
  id: z.string().min(1),
  version,
});

export const manifestSchema = z.strictObject({
  format: z.literal(1),
  version, // equals the dataset's meta.version
  date: z.iso.date(), // when the package was made
  sha256: z.string().regex(/^[0-9a-f]{64}$/), // of the dataset string's UTF-8 bytes
  previousVersion: version.nullable(), // the package this one follows; null for the first
  counts: z.strictObject({ vendors: count, rulings: count, domains: count }),
  removals: z.array(removalSchema),
});

export const envelopeSchema = z.strictObject({
  format: z.literal(1),
  keyId: z.string().min(1), // which trusted key signed it; the signature, not this hint, is the proof
  signature: z.string().min(1), // base64 Ed25519 signature of the manifest string's UTF-8 bytes
  manifest: z.string().min(1),
  dataset: z.string().min(1),
});

export type Removal = z.infer<typeof removalSchema>;
export type Manifest = z.infer<typeof manifestSchema>;
export type Envelope = z.infer<typeof envelopeSchema>;
export type Counts = Manifest['counts'];

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
