// Dataset versions are dates with an optional same-day counter: 2026.11.28, 2026.11.28.2.
// Light on purpose (no validators): the pages import chooseActive.
import type { Dataset } from '../dataset/schema';

const VERSION = /^\d{4}\.\d{2}\.\d{2}(\.\d+)?$/;

export function isVersion(v: unknown): v is string {
  return typeof v === 'string' && VERSION.test(v);
}

/** Negative when a is older than b, zero when equal, positive when newer. Malformed versions compare as equal to anything, so they are never "newer". */
export function compareVersions(a: string, b: string): number {
  if (!isVersion(a) || !isVersion(b)) return 0;
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** The data to use: an accepted package only while it is newer than the bundled data, which is the floor. */
export function chooseActive(bundled: Dataset, accepted?: Dataset): Dataset {
  return accepted && compareVersions(accepted.meta.version, bundled.meta.version) > 0 ? accepted : bundled;
}
