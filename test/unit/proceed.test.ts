import { describe, expect, it } from 'vitest';
import { grantCovers, PROCEED_IDLE_MS } from '../../src/core/proceed';

const t0 = Date.UTC(2026, 10, 28, 12);

describe('strict mode "Proceed this time"', () => {
  const grant = { host: 'www.kaspersky.com', lastSeen: t0 };

  it('covers the chosen host and its subdomains while the tab keeps using the site', () => {
    expect(grantCovers(grant, 'www.kaspersky.com', t0)).toBe(true);
    expect(grantCovers(grant, 'shop.www.kaspersky.com', t0 + 1000)).toBe(true);
    expect(grantCovers(grant, 'www.kaspersky.com', t0 + PROCEED_IDLE_MS)).toBe(true);
  });

  it('lapses after the quiet spell, so coming back later warns again', () => {
    expect(grantCovers(grant, 'www.kaspersky.com', t0 + PROCEED_IDLE_MS + 1)).toBe(false);
  });

  it('never covers another host, a parent domain or a look-alike', () => {
    expect(grantCovers(grant, 'usa.kaspersky.com', t0)).toBe(false);
    expect(grantCovers(grant, 'kaspersky.com', t0)).toBe(false);
    expect(grantCovers(grant, 'notwww.kaspersky.com', t0)).toBe(false);
  });

  it('ignores malformed stored grants (old string form, wrong types, a clock that went back)', () => {
    for (const bad of [null, 'www.kaspersky.com', { host: 'www.kaspersky.com' }, { host: 1, lastSeen: t0 }, { host: 'www.kaspersky.com', lastSeen: t0 + 5000 }]) {
      expect(grantCovers(bad, 'www.kaspersky.com', t0)).toBe(false);
    }
  });
});
