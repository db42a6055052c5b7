// Ed25519 through WebCrypto (crypto.subtle): Node 20, Chromium 137+, Firefox 129+, Safari 17+.
import { fromBase64, sha256Hex, type Bytes } from './bytes';
import type { TrustedKey } from './format';

type SignatureCheck = 'valid' | 'invalid' | 'unsupported';

/** A key's id: the first 16 hex digits of the SHA-256 of its raw public key. */
export async function keyIdOf(rawPublicKey: Bytes): Promise<string> {
  return (await sha256Hex(rawPublicKey)).slice(0, 16);
}

/** Checks `signature` over `message` with `key`. "unsupported" when this runtime has no Ed25519. */
export async function checkSignature(key: TrustedKey, message: Bytes, signature: Bytes): Promise<SignatureCheck> {
  const raw = fromBase64(key.publicKey);
  if (!raw || raw.length !== 32 || signature.length !== 64) return 'invalid';
  let publicKey: CryptoKey;
  try {
    publicKey = await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
  } catch (e) {
    return e instanceof DOMException && e.name === 'NotSupportedError' ? 'unsupported' : 'invalid';
  }
  return (await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, signature, message)) ? 'valid' : 'invalid';
}
