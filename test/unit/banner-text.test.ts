// The vendor-site banner's build-time table and the text it shows (src/vendor-page/banner-text.ts).
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/core/dataset';
import { buildCatalog } from '../../src/core/catalog';
import { defaults } from '../../src/core/settings';
import { matchVendor } from '../../src/core/match';
import { bannerShown, bannerTable, bannerText, listedDomains } from '../../src/vendor-page/banner-text';
import { lookup } from '../../src/vendor-page/lookup';

const catalog = buildCatalog(dataset);
const today = '2026-11-30';
const table = bannerTable(catalog, today);
const inputs = { catalog, settings: defaults, today };

describe('banner table', () => {
  it('has an entry for every listed domain, and shows Kaspersky by default with its Commerce ruling', () => {
    expect(Object.keys(table.hosts).sort()).toEqual(listedDomains(catalog));
    const [i, shown] = table.hosts['kaspersky.com']!;
    expect(shown).toBe(true);
    expect(table.texts[i]).toMatchObject({ vendorId: 'kaspersky', vendor: 'Kaspersky', ruling: 'Commerce Dept. Final Determination', effect: 'sales-ban', since: '2024-07-20' });
  });

  it('looks a host up the way the match index does: the most specific listed domain decides', () => {
    for (const host of ['www.kaspersky.com', 'usa.kaspersky.com', 'consumer.huawei.com', 'www.qq.com', 'example.org', 'notkaspersky.com']) {
      const entry = lookup(table.hosts, host);
      const match = matchVendor(host, catalog.index);
      expect(entry !== null, host).toBe(match !== null);
      if (entry && match?.kind === 'vendor') expect(table.texts[entry[0]]?.vendorId, host).toBe(match.vendorId);
    }
  });

  it('says the same whatever the user chose: audience, threshold and authorities do not change the text', () => {
    const others = [
      { ...defaults, audience: 'federal-contractor' as const },
      { ...defaults, minSeverity: 'watch' as const },
      { ...defaults, authorities: Object.fromEntries(Object.keys(defaults.authorities).map((a) => [a, false])) as typeof defaults.authorities },
    ];
    for (const domain of listedDomains(catalog))
      for (const settings of others) expect(bannerText({ ...inputs, settings }, domain), domain).toEqual(bannerText(inputs, domain));
  });

  it('records whether the defaults show a banner, as the verdict decides (Tencent is only "listed" for a consumer)', () => {
    expect(table.hosts['qq.com']![1]).toBe(false);
    expect(bannerShown({ ...inputs, settings: { ...defaults, minSeverity: 'listed' } }, 'qq.com')).toBe(true);
    expect(bannerShown({ ...inputs, settings: { ...defaults, warningStyle: 'badge' } }, 'kaspersky.com')).toBe(false);
    expect(bannerShown({ ...inputs, settings: { ...defaults, allowedSites: ['www.kaspersky.com'] } }, 'www.kaspersky.com')).toBe(false);
  });
});
