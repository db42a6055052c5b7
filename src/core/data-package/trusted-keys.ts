// The public keys whose packages the update channel accepts (docs/data.md, "Keys and rotation").
// Only public keys live here; the private keys are kept offline by the maintainers.
import type { TrustedKey } from './format';

export const TRUSTED_KEYS: readonly TrustedKey[] = [
  // The first data-signing key, made 30 Nov 2026.
  { id: 'afc93007f7ce1dae', publicKey: 'iHVeXuRo/RqLhwbOSJhbmg2Y522j0W0BkSmyUVAPKlo=' },
];
