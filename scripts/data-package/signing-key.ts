// The publisher's Ed25519 signing key. It never enters the repository: it comes from the
// environment (BANWATCH_SIGNING_KEY holds the PEM) or from a file outside the working tree.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';

export class KeyError extends Error {}

/** True when `path` is the repository or inside it (symbolic links resolved where they exist). */
export function isInsideRepo(path: string, repoRoot: string): boolean {
  const real = (p: string): string => (existsSync(p) ? realpathSync(p) : resolve(real(dirname(p)), basename(p)));
  const rel = relative(real(repoRoot), real(resolve(path)));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function parsePrivateKey(pem: string, from: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new KeyError(`${from} is not a PEM private key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new KeyError(`${from} is a ${key.asymmetricKeyType} key, not Ed25519`);
  return key;
}

/** The signing key from BANWATCH_SIGNING_KEY, or from `keyFile` (default BANWATCH_SIGNING_KEY_FILE), which must lie outside the repository. */
export function loadSigningKey(env: NodeJS.ProcessEnv, keyFile: string | undefined, repoRoot: string): KeyObject {
  if (env.BANWATCH_SIGNING_KEY) return parsePrivateKey(env.BANWATCH_SIGNING_KEY, 'BANWATCH_SIGNING_KEY');
  const file = keyFile ?? env.BANWATCH_SIGNING_KEY_FILE;
  if (!file) {
    throw new KeyError('No signing key: set BANWATCH_SIGNING_KEY (the PEM) or BANWATCH_SIGNING_KEY_FILE, or pass --key-file PATH (outside the repository)');
  }
  if (isInsideRepo(file, repoRoot)) throw new KeyError(`Refusing to read a signing key inside the repository (${file}): keep it outside the working tree`);
  if (!existsSync(file)) throw new KeyError(`No signing key at ${file}`);
  return parsePrivateKey(readFileSync(file, 'utf8'), file);
}

/** The raw 32-byte public key of an Ed25519 private key. */
export function rawPublicKey(privateKey: KeyObject): Uint8Array<ArrayBuffer> {
  const { x } = createPublicKey(privateKey).export({ format: 'jwk' });
  return new Uint8Array(Buffer.from(x as string, 'base64url'));
}

/** Writes a new Ed25519 private key (PKCS#8 PEM, readable by its owner only) to `path`, outside the repository. */
export function writeNewSigningKey(path: string, repoRoot: string): KeyObject {
  if (isInsideRepo(path, repoRoot)) throw new KeyError(`Refusing to write a signing key inside the repository (${path})`);
  if (existsSync(path)) throw new KeyError(`${path} exists; not overwriting a signing key`);
  const { privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return privateKey;
}
