// Builds a signed data package (see src/core/data-package/format.ts) from the dataset text, the
// last published package and the publisher's key. Refuses what the extension would refuse, so a
// bad package is caught here rather than by every user's browser.
import { sign, type KeyObject } from 'node:crypto';
import { isRegistrableHost } from '../../src/core/dataset/registrable';
import type { Dataset } from '../../src/core/dataset/schema';
import { validateDataset } from '../../src/core/dataset/validate';
import { openPackage } from '../../src/core/data-package/accept';
import { sha256Hex, toBase64, utf8 } from '../../src/core/data-package/bytes';
import { countsOf, readEnvelope, readManifest, type Envelope, type Manifest, type Removal } from '../../src/core/data-package/format';
import { undeclaredDrops } from '../../src/core/data-package/shrink';
import { keyIdOf } from '../../src/core/data-package/signature';
import { compareVersions } from '../../src/core/data-package/version';
import { rawPublicKey } from './signing-key';

export class PackageError extends Error {}

export interface PackageInput {
  datasetText: string; // src/data/dataset.json, byte for byte
  previousText?: string; // the last published package, if any
  removals: Pick<Removal, 'kind' | 'id'>[]; // ids this version drops on purpose (--remove)
  date: string; // YYYY-MM-DD
  signingKey: KeyObject;
}

export interface BuiltPackage {
  text: string;
  manifest: Manifest;
  keyId: string;
  publicKey: string; // base64 raw key, as the extension's trusted-key list holds it
}

/** The previous package's manifest and dataset. Its signature is not checked: it is our own published file, and it may predate a key rotation. */
function readPrevious(text: string): { manifest: Manifest; dataset: Dataset } {
  let previous: { manifest: Manifest | null; dataset: Dataset } | null = null;
  try {
    const e = readEnvelope(JSON.parse(text));
    if (e) previous = { manifest: readManifest(JSON.parse(e.manifest)), dataset: JSON.parse(e.dataset) as Dataset };
  } catch {
    previous = null;
  }
  if (!previous?.manifest) throw new PackageError('The previous package is not a BanWatch data package');
  return { manifest: previous.manifest, dataset: previous.dataset };
}

function checkRemovals(previous: Dataset, dataset: Dataset, declared: PackageInput['removals']): void {
  const drops = undeclaredDrops(previous, dataset, declared.map((d) => ({ ...d, version: dataset.meta.version })));
  const undeclared = [...drops.vendors.map((id) => `vendor:${id}`), ...drops.rulings.map((id) => `ruling:${id}`)];
  if (undeclared.length) {
    throw new PackageError(`This version drops ${undeclared.join(', ')}. If that is intended, pass --remove ${undeclared.join(' --remove ')}`);
  }
  const ids = (d: Dataset, kind: Removal['kind']) => new Set((kind === 'vendor' ? d.vendors : d.rulings).map((x) => x.id));
  for (const { kind, id } of declared) {
    if (!ids(previous, kind).has(id) || ids(dataset, kind).has(id)) {
      throw new PackageError(`--remove ${kind}:${id}: the last package has no ${kind} "${id}" that this version drops`);
    }
  }
}

export async function buildPackage(input: PackageInput): Promise<BuiltPackage> {
  const { dataset, errors } = validateDataset(JSON.parse(input.datasetText), isRegistrableHost);
  if (!dataset) throw new PackageError(`The dataset is invalid:\n  ${errors.join('\n  ')}`);
  const version = dataset.meta.version;

  const previous = input.previousText === undefined ? undefined : readPrevious(input.previousText);
  if (previous) {
    if (compareVersions(version, previous.manifest.version) <= 0) {
      const last = previous.manifest.version;
      throw new PackageError(`meta.version ${version} is not newer than the last package (${last}): bump meta.version and add a changelog entry`);
    }
    checkRemovals(previous.dataset, dataset, input.removals);
  } else if (input.removals.length) {
    throw new PackageError('--remove needs the last published package (--previous) to remove from');
  }

  const present = (r: Removal) => (r.kind === 'vendor' ? dataset.vendors : dataset.rulings).some((x) => x.id === r.id);
  const manifest: Manifest = {
    format: 1,
    version,
    date: input.date,
    sha256: await sha256Hex(utf8(input.datasetText)),
    previousVersion: previous?.manifest.version ?? null,
    counts: countsOf(dataset),
    // Carried forward, so a user who skips versions still finds every intentional removal; an id that came back is no longer removed.
    removals: [...(previous?.manifest.removals ?? []).filter((r) => !present(r)), ...input.removals.map((r) => ({ ...r, version }))],
  };

  const manifestText = JSON.stringify(manifest);
  const rawKey = rawPublicKey(input.signingKey);
  const keyId = await keyIdOf(rawKey);
  const publicKey = toBase64(rawKey);
  const envelope: Envelope = {
    format: 1,
    keyId,
    signature: toBase64(sign(null, utf8(manifestText), input.signingKey)),
    manifest: manifestText,
    dataset: input.datasetText,
  };
  const text = `${JSON.stringify(envelope)}\n`;

  // Verify what we sign with the extension's own code.
  const opened = await openPackage(text, [{ id: keyId, publicKey }]);
  if (!opened.ok) throw new PackageError(`The new package does not verify: ${opened.detail}`);
  return { text, manifest, keyId, publicKey };
}
