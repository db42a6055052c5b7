// The full Public Suffix List check (tldts), for the build and the tests: every bundled domain
// must be registrable. Kept out of validate.ts so the PSL data never ships in the extension.
import { parse } from 'tldts';

/** True when `d` is a registrable domain under a known public suffix, or a host under one (never a bare suffix). */
export function isRegistrableHost(d: string): boolean {
  const info = parse(d);
  // isIcann: the suffix matched a real Public Suffix List rule, not the implicit "*" fallback.
  if (info.isIp || !info.isIcann || !info.domain || info.publicSuffix === d) return false;
  return d === info.domain || d.endsWith(`.${info.domain}`);
}
