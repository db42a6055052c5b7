// Hostname → rule matcher: "is this host, or any domain it sits under, in the list?"
//
// Runs on every navigation, and organisations may load lists with 100,000+ domains, so it has to
// be fast and small (bench/matcher.bench.ts holds it to its targets). Design: a hashed suffix table.
//
//  * Build: hash each listed domain with FNV-1a over its characters taken *right to left*, and
//    insert it into an open-addressing table (linear probing) held in one Int32Array.
//  * Lookup: walk the host from its last character to its first, extending one running hash.
//    Because the hash runs right to left, the running hash at each label boundary (a '.' or the
//    start of the host) *is* the hash of that suffix, so every candidate parent domain
//    (com → kaspersky.com → usa.kaspersky.com) is probed without building a substring.
//  * Only label boundaries are probed, so `notkaspersky.com` never meets `kaspersky.com`, and
//    a hit is confirmed by comparing the real strings, so hash collisions cannot cause a match.
//  * The longest matching suffix wins, letting a specific entry (`foo.example.com`) override a
//    broader one (`example.com`).
//
// Memory (budget ≤ 30 bytes per domain, so a 100,000-domain list stays a few MB): the table (4 bytes × a power of two ≥ 2n, so
// 8–16 bytes per domain), one pointer per domain to the caller's own domain string (8 bytes; the
// strings themselves already live in the vendor list that the caller keeps), and a 2-byte value
// index. No per-domain objects, no Map. bench/matcher.bench.ts measures ~21 bytes per domain at
// 100,000 domains.
//
// Hosts must already be normalised (see host.ts): lowercase ASCII, no trailing dot.

export interface MatcherEntry {
  /** A normalised domain: lowercase ASCII, no trailing dot. */
  readonly domain: string;
  /** What the domain maps to. Repeated ids are stored once. */
  readonly id: string;
}

interface MatcherHit {
  readonly id: string;
  /** The listed domain that matched: the host itself or one of its parent domains. */
  readonly domain: string;
}

export interface Matcher {
  /** The most specific entry covering `host` (the host or a parent domain), or null. */
  match(host: string): MatcherHit | null;
  /** Every entry covering `host`, most specific first. Allocates; for the rare matching case. */
  matchAll(host: string): MatcherHit[];
  /** Number of distinct domains indexed. */
  readonly size: number;
}

const DOT = 0x2e;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * FNV-1a leaves its low bits poorly mixed (bit 0 is the XOR of the inputs' bit 0), and the table
 * index comes from the low bits, so finish with the murmur3 avalanche step.
 */
function finalise(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16); // int32: hashes stay small integers in optimised code, never doubles
}

/** The suffix hash of a whole domain, computed exactly as `match` computes it while walking. */
function domainHash(domain: string): number {
  let h = FNV_OFFSET;
  for (let i = domain.length - 1; i >= 0; i--) h = Math.imul(h ^ domain.charCodeAt(i), FNV_PRIME);
  return finalise(h);
}

/** The `labelMask` bit for a suffix with `labels` labels. */
const labelBit = (labels: number) => 1 << (labels < 32 ? labels - 1 : 31);

function labelCount(domain: string): number {
  let n = 1;
  for (let i = 0; i < domain.length; i++) if (domain.charCodeAt(i) === DOT) n++;
  return n;
}

/**
 * Build a matcher. Entries with the same domain keep the first one's id (callers that need a
 * different priority order their entries accordingly). Building is O(n): well under a
 * millisecond for the bundled list, some tens of milliseconds for 100,000 domains.
 */
export function createMatcher(entries: readonly MatcherEntry[]): Matcher {
  // Distinct ids → small integers, so each entry costs 2 bytes rather than a pointer.
  const ids: string[] = [];
  const idIndex = new Map<string, number>();

  // Table capacity: a power of two at least twice the entry count (load ≤ 0.5), so a miss,
  // the common case, usually lands on an empty slot at once.
  let capacity = 16;
  while (capacity < entries.length * 2) capacity *= 2;
  const mask = capacity - 1;

  // Each slot packs an entry number (low `indexBits` bits, 1-based, 0 = empty) with the high bits
  // of that entry's hash as a fingerprint, so most non-matching probes are rejected without
  // touching the entry's string.
  let indexBits = 1;
  while (2 ** indexBits <= entries.length) indexBits++;
  const indexMask = indexBits >= 31 ? 0x7fffffff : 2 ** indexBits - 1;
  const fingerprintMask = ~indexMask;
  const slots = new Int32Array(capacity);

  const domains: string[] = [];
  const valueIds: number[] = [];
  // Bit k set ⇔ some domain has k+1 labels (bit 31: 32 or more). Lets lookups skip suffixes that
  // cannot be listed, e.g. the bare TLD "com", and stop once past the deepest listed domain.
  let labelMask = 0;
  let maxLabels = 0;

  for (const entry of entries) {
    const { domain } = entry;
    const h = domainHash(domain);
    let slot = h & mask;
    let duplicate = false;
    for (let v = slots[slot]!; v !== 0; v = slots[slot]!) {
      if (((v ^ h) & fingerprintMask) === 0 && domains[(v & indexMask) - 1] === domain) {
        duplicate = true;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (duplicate) continue;

    let idNumber = idIndex.get(entry.id);
    if (idNumber === undefined) {
      idNumber = ids.length;
      ids.push(entry.id);
      idIndex.set(entry.id, idNumber);
    }
    domains.push(domain);
    valueIds.push(idNumber);
    slots[slot] = (h & fingerprintMask) | domains.length;
    const labels = labelCount(domain);
    labelMask |= labelBit(labels);
    if (labels > maxLabels) maxLabels = labels;
  }

  // Exact-size copies: a grown array can carry up to 50% spare capacity.
  const domainList = domains.slice();
  const values = ids.length <= 0x10000 ? Uint16Array.from(valueIds) : Uint32Array.from(valueIds);

  /** Entry number (0-based) of `host`'s suffix starting at `start` with hash `h`, or -1. */
  function probe(host: string, start: number, h: number): number {
    let slot = h & mask;
    for (let v = slots[slot]!; v !== 0; v = slots[slot]!) {
      if (((v ^ h) & fingerprintMask) === 0) {
        const index = (v & indexMask) - 1;
        const domain = domainList[index]!;
        if (domain.length === host.length - start && host.endsWith(domain)) return index;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /**
   * Walk `host` right to left, extending one running hash; at each label boundary the hash is
   * that of the suffix after it, so probe it. Returns the longest listed suffix's entry number
   * (or -1) and, when `all` is given, appends every listed suffix, shortest first.
   */
  function scan(host: string, all: number[] | null): number {
    let best = -1;
    let h = FNV_OFFSET;
    let labels = 0;
    for (let i = host.length - 1; i >= -1; i--) {
      const c = i < 0 ? DOT : host.charCodeAt(i); // the start of the host is a boundary too
      if (c === DOT) {
        labels++;
        if (labelMask & labelBit(labels)) {
          const index = probe(host, i + 1, finalise(h));
          if (index >= 0) {
            best = index; // each hit is longer, i.e. more specific, than the previous one
            if (all !== null) all.push(index);
          }
        }
        if (labels >= maxLabels) break; // no listed domain has more labels
      }
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    return best;
  }

  function hit(index: number): MatcherHit {
    return { id: ids[values[index]!]!, domain: domainList[index]! };
  }

  return {
    size: domainList.length,
    match(host) {
      const best = scan(host, null);
      return best < 0 ? null : hit(best);
    },
    matchAll(host) {
      const found: number[] = [];
      scan(host, found);
      return found.reverse().map(hit);
    },
  };
}
