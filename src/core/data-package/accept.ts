// The acceptance rules for a downloaded data package. Pure: the update channel (background) fetches
// the file and keeps the state; these functions only decide. Anything they refuse leaves the user
// on the data they have, and the bundled data is always the floor.
import type { Dataset } from '../dataset/schema';
import { isPlausibleHost, type HostCheck } from '../dataset/checks';
import { checkDataset } from '../dataset/dataset-checks';
import { checkDatasetShape } from '../dataset/dataset-shape';
import { fromBase64, sha256Hex, utf8 } from './bytes';
import { countsOf, readEnvelope, readManifest, type Counts, type Manifest, type TrustedKey } from './format';
import { shrinkProblem } from './shrink';
import { checkSignature } from './signature';
import { compareVersions } from './version';

export type RefusalReason =
  | 'malformed' // not a BanWatch data package at all
  | 'unknown-key' // signed with a key this version does not trust
  | 'no-ed25519' // this browser cannot check Ed25519 signatures
  | 'bad-signature'
  | 'digest-mismatch' // the data is not the data that was signed
  | 'not-newer' // not newer than the bundled data, the data in use, or the highest version ever accepted
  | 'invalid-data' // fails the dataset schema or its cross-checks
  | 'manifest-mismatch' // the signed manifest's version or counts disagree with the data
  | 'drops-vendors' // drops a vendor without declaring it
  | 'drops-rulings'; // drops more than 5 % of rulings without declaring them

interface Refusal {
  ok: false;
  reason: RefusalReason;
  detail: string; // one English sentence for logs and the options page
}

interface OpenedPackage {
  ok: true;
  keyId: string;
  manifest: Manifest;
  datasetText: string;
}

interface Acceptance {
  ok: true;
  manifest: Manifest; // manifest.version becomes the new highest accepted version
  dataset: Dataset;
}

export interface UpdateContext {
  trustedKeys: readonly TrustedKey[];
  bundled: Dataset; // the data shipped with this release: the floor
  active: Dataset; // the data in use now (chooseActive), the baseline for what a package may drop
  highestAccepted?: string; // the highest version ever accepted, kept where content scripts cannot write
  isHost?: HostCheck; // domain check for validation; the extension's light check by default
}

const refuse = (reason: RefusalReason, detail: string): Refusal => ({ ok: false, reason, detail });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Parses a package and proves that a trusted key signed its manifest and that the data is what the manifest describes. */
export async function openPackage(text: string, trustedKeys: readonly TrustedKey[]): Promise<OpenedPackage | Refusal> {
  const envelope = readEnvelope(parseJson(text));
  if (!envelope) return refuse('malformed', 'The file is not a BanWatch data package.');
  const { keyId, signature, manifest: manifestText, dataset: datasetText } = envelope;

  const key = trustedKeys.find((k) => k.id === keyId);
  if (!key) return refuse('unknown-key', `It is signed with key ${keyId}, which this version of BanWatch does not trust.`);
  const signatureBytes = fromBase64(signature);
  const check = signatureBytes ? await checkSignature(key, utf8(manifestText), signatureBytes) : 'invalid';
  if (check === 'unsupported') return refuse('no-ed25519', 'This browser cannot check Ed25519 signatures.');
  if (check === 'invalid') return refuse('bad-signature', 'Its signature does not match its contents.');

  const manifest = readManifest(parseJson(manifestText));
  if (!manifest) return refuse('malformed', 'Its manifest is not in a format this version of BanWatch reads.');
  if ((await sha256Hex(utf8(datasetText))) !== manifest.sha256) {
    return refuse('digest-mismatch', 'Its data is not the data that was signed.');
  }
  return { ok: true, keyId, manifest, datasetText };
}

const sameCounts = (a: Counts, b: Counts) => a.vendors === b.vendors && a.rulings === b.rulings && a.domains === b.domains;

/** Decides whether a downloaded package may replace the data in use. */
export async function checkUpdate(text: string, ctx: UpdateContext): Promise<Acceptance | Refusal> {
  const opened = await openPackage(text, ctx.trustedKeys);
  if (!opened.ok) return opened;
  const { manifest } = opened;

  const floors = [ctx.bundled.meta.version, ctx.active.meta.version, ...(ctx.highestAccepted === undefined ? [] : [ctx.highestAccepted])];
  const blocking = floors.find((v) => compareVersions(manifest.version, v) <= 0);
  if (blocking !== undefined) return refuse('not-newer', `Version ${manifest.version} is not newer than ${blocking}.`);

  // The shape without zod (the service worker cannot carry it), then the dataset's cross-checks.
  const shape = checkDatasetShape(parseJson(opened.datasetText));
  const dataset = shape.dataset;
  const errors = dataset ? checkDataset(dataset, ctx.isHost ?? isPlausibleHost) : shape.errors;
  if (!dataset || errors.length) return refuse('invalid-data', `Its data fails validation (${errors.length} problems; first: ${errors[0]}).`);
  if (dataset.meta.version !== manifest.version || !sameCounts(countsOf(dataset), manifest.counts)) {
    return refuse('manifest-mismatch', 'Its manifest does not describe its data.');
  }

  const shrink = shrinkProblem(ctx.active, dataset, manifest.removals);
  if (shrink) return refuse(shrink.reason, `Refused: ${shrink.detail}.`);
  return { ok: true, manifest, dataset };
}
