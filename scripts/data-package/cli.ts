// `npm run data:package`: signs src/data/dataset.json into one static file for the update channel.
//
//   npm run data:package -- [--out FILE] [--previous FILE] [--remove vendor:ID|ruling:ID]... [--key-file PATH] [--date YYYY-MM-DD]
//   npm run data:package -- --new-key PATH      (writes a new signing key outside the repository)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { today } from '../../src/core/dates';
import { toBase64 } from '../../src/core/data-package/bytes';
import { keyIdOf } from '../../src/core/data-package/signature';
import { buildPackage, PackageError, type PackageInput } from './build-package';
import { KeyError, loadSigningKey, rawPublicKey, writeNewSigningKey } from './signing-key';

const DEFAULT_OUT = 'artifacts/data/banwatch-data.json';

function parseRemoval(arg: string): PackageInput['removals'][number] {
  const m = /^(vendor|ruling):([a-z0-9-]+)$/.exec(arg);
  if (!m) throw new PackageError(`--remove ${arg}: expected vendor:ID or ruling:ID`);
  return { kind: m[1] as 'vendor' | 'ruling', id: m[2] as string };
}

async function run(argv: string[], root: string): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string', default: DEFAULT_OUT },
      previous: { type: 'string' },
      remove: { type: 'string', multiple: true, default: [] },
      'key-file': { type: 'string' },
      date: { type: 'string' },
      'new-key': { type: 'string' },
    },
  });

  if (values['new-key']) {
    const key = writeNewSigningKey(values['new-key'], root);
    const raw = rawPublicKey(key);
    console.log(`Wrote a new signing key to ${values['new-key']} (keep it secret and backed up).`);
    console.log(`Trusted-key entry for the extension: { id: '${await keyIdOf(raw)}', publicKey: '${toBase64(raw)}' }`);
    return;
  }

  const out = resolve(root, values.out);
  const previousPath = values.previous ?? (existsSync(out) ? out : undefined);
  const built = await buildPackage({
    datasetText: readFileSync(resolve(root, 'src/data/dataset.json'), 'utf8'),
    previousText: previousPath === undefined ? undefined : readFileSync(previousPath, 'utf8'),
    removals: values.remove.map(parseRemoval),
    date: values.date ?? today(),
    signingKey: loadSigningKey(process.env, values['key-file'], root),
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, built.text);

  const { manifest: m } = built;
  console.log(`Wrote ${relative(root, out)}`);
  console.log(`  version ${m.version} (after ${m.previousVersion ?? 'none'})`);
  console.log(`  ${m.counts.vendors} vendors, ${m.counts.rulings} rulings, ${m.counts.domains} domains`);
  console.log(`  sha256 ${m.sha256}`);
  console.log(`  signed with key ${built.keyId} (public key ${built.publicKey})`);
  console.log(`  intentional removals: ${m.removals.length ? m.removals.map((r) => `${r.kind}:${r.id} (${r.version})`).join(', ') : 'none'}`);
}

/** Runs the command; returns the process exit code. */
export async function main(argv: string[], root: string): Promise<number> {
  try {
    await run(argv, root);
    return 0;
  } catch (e) {
    if (e instanceof PackageError || e instanceof KeyError || (e instanceof Error && 'code' in e)) {
      console.error(`data:package: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
