// @vitest-environment happy-dom
// Each marketplace and search-engine adapter over the fixture pages shaped like the real sites
// (test/fixtures/pages/shop-*.html, serp-*.html), and the generic structured-data extraction.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/core/dataset';
import { buildBrandIndex } from '../../src/core/shopping/brand-matcher';
import { decideBrand, jsonLdCandidates, metaCandidates, productsInJsonLd, tidy } from '../../src/core/shopping/extract';
import { ADAPTERS } from '../../src/shop-page/adapters';
import type { SearchAdapter, ShopAdapter } from '../../src/shop-page/adapters/types';
import { SITES, siteForHost } from '../../src/core/shopping/sites';

const index = buildBrandIndex(dataset);

function load(name: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = readFileSync(`test/fixtures/pages/${name}.html`, 'utf8').replace(/^<!doctype html>/i, '');
  return doc;
}

const shop = (id: string) => ADAPTERS[id] as ShopAdapter;
const search = (id: string) => ADAPTERS[id] as SearchAdapter;

function verdict(page: string, site: string) {
  const doc = load(page);
  const candidates = tidy([...jsonLdCandidates(doc), ...metaCandidates(doc), ...shop(site).byline(doc)]);
  const v = decideBrand(candidates, index);
  return { doc, candidates, v, who: v ? `${v.hit.entity.kind}:${v.hit.entity.id}` : null };
}

describe('sites', () => {
  it('has an adapter for every site, and finds sites by exact host only', () => {
    for (const s of SITES) expect(ADAPTERS[s.id]?.kind, s.id).toBe(s.feature === 'shoppingSites' ? 'shop' : 'search');
    expect(siteForHost('www.amazon.com')?.id).toBe('amazon');
    expect(siteForHost('WWW.AMAZON.COM.')?.id).toBe('amazon');
    expect(siteForHost('amazon.com.evil.example')).toBeNull();
    expect(siteForHost('www.google.com')?.feature).toBe('searchResults');
  });
});

describe('product pages', () => {
  it('Amazon: the byline "Visit the Hikvision Store" and the overview brand row', () => {
    const { doc, candidates, v, who } = verdict('shop-amazon-hikvision', 'amazon');
    expect(candidates.map((c) => [c.field, c.value])).toEqual([
      ['#bylineInfo', 'Visit the Hikvision Store'],
      ['po-brand', 'HIKVISION'],
    ]);
    expect(who).toBe('vendor:hikvision');
    expect(v!.candidate.source).toBe('byline');
    expect(shop('amazon').title(doc)?.id).toBe('title');
  });

  it('Amazon: a "Hikvision-compatible" mount by another brand does not match', () => {
    expect(verdict('shop-amazon-lookalike', 'amazon').who).toBeNull();
  });

  it('Amazon: a reported-link brand is the reported link, not DJI', () => {
    expect(verdict('shop-amazon-anzu', 'amazon').who).toBe('reported-link:anzu-robotics');
  });

  it('Best Buy: brand from JSON-LD ({"@type": "Brand", "name"}), title in .sku-title', () => {
    const { doc, v, who } = verdict('shop-bestbuy-kaspersky', 'bestbuy');
    expect(who).toBe('vendor:kaspersky');
    expect(v!.candidate).toMatchObject({ source: 'json-ld', field: 'Product.brand', value: 'Kaspersky' });
    expect(shop('bestbuy').title(doc)?.tagName).toBe('H1');
  });

  it('Best Buy: a not-restricted brand (TP-Link) gives nothing, whatever the title says', () => {
    expect(verdict('shop-bestbuy-tplink', 'bestbuy').who).toBeNull();
  });

  it('Newegg: brand logo title and JSON-LD agree (DAHUA)', () => {
    const { doc, candidates, who } = verdict('shop-newegg-dahua', 'newegg');
    expect(candidates.map((c) => c.value)).toContain('DAHUA');
    expect(candidates.find((c) => c.source === 'byline')?.value).toBe('DAHUA');
    expect(who).toBe('vendor:dahua');
    expect(shop('newegg').title(doc)?.className).toBe('product-title');
  });

  it('Newegg: listing tiles with a brand logo, and no tile without one', () => {
    const a = shop('newegg');
    const tiles = a.tileRoots!(load('shop-newegg-listing')).map((r) => a.tile!(r)).filter((t) => t !== null);
    expect(tiles.map((t) => t.value)).toEqual(['HIKVISION', 'Lorex', 'TP-LINK', 'EZVIZ']);
    expect(tiles.every((t) => t.anchor.classList.contains('item-title'))).toBe(true);
  });

  it('Walmart: brand link and JSON-LD (EZVIZ is a Hikvision brand)', () => {
    const { doc, v, who } = verdict('shop-walmart-ezviz', 'walmart');
    expect(who).toBe('vendor:hikvision');
    expect(v!.hit.name).toBe('EZVIZ');
    expect(shop('walmart').title(doc)?.id).toBe('main-title');
  });

  it('eBay: item specifics Brand and JSON-LD (DJI)', () => {
    const { doc, candidates, who } = verdict('shop-ebay-dji', 'ebay');
    expect(candidates.find((c) => c.source === 'byline')).toMatchObject({ value: 'DJI', field: 'item-specifics:Brand' });
    expect(who).toBe('vendor:dji');
    expect(shop('ebay').title(doc)?.className).toBe('x-item-title__mainTitle');
  });

  it('eBay: a seller-typed brand "Hikvision-compatible" does not match (nor does "Compatible Brand")', () => {
    const { candidates, who } = verdict('shop-ebay-compatible', 'ebay');
    expect(candidates.map((c) => c.value)).toEqual(['Hikvision-compatible', 'Hikvision-compatible']);
    expect(who).toBeNull();
  });

  it('B&H: JSON-LD @graph, product:brand meta and the brand logo (DJI)', () => {
    const { doc, candidates, who } = verdict('shop-bhphoto-dji', 'bhphoto');
    expect(candidates.map((c) => c.field)).toEqual(['Product.brand', 'product:brand', 'authorizedDealerLink']);
    expect(who).toBe('vendor:dji');
    expect(shop('bhphoto').title(doc)?.getAttribute('data-selenium')).toBe('productTitle');
  });

  it('Home Depot: brand collection link; Hikvision warns, Lorex does not', () => {
    const hik = verdict('shop-homedepot-hikvision', 'homedepot');
    expect(hik.candidates.find((c) => c.source === 'byline')?.value).toBe('Hikvision');
    expect(hik.who).toBe('vendor:hikvision');
    expect(shop('homedepot').title(hik.doc)?.tagName).toBe('H1');
    expect(verdict('shop-homedepot-lorex', 'homedepot').who).toBeNull();
  });
});

describe('search result pages', () => {
  const targets = (page: string, id: string) => {
    const a = search(id);
    return a.links(load(page)).map((l) => a.target(l));
  };

  it('Google: organic title links only (not ads), /url?q= decoded', () => {
    expect(targets('serp-google', 'google')).toEqual([
      'https://www.hikvision.com/en/',
      'https://en.wikipedia.org/wiki/Hikvision',
      'https://www.dji.com/mini-4-pro',
      'https://www.lorex.com/',
      'https://www.hik-connect.com/',
      'https://www.reuters.com/technology/us-adds-hikvision-2024/',
    ]);
  });

  it('Bing: b_algo title links, the /ck/a redirect decoded from its base64 u parameter', () => {
    expect(targets('serp-bing', 'bing')).toEqual(['https://www.hikvision.com/en/', 'https://www.dji.com/', 'https://www.lorex.com/', 'https://ipvm.com/reports/hikvision']);
  });

  it('DuckDuckGo: result-title-a links; the uddg redirect is decoded', () => {
    expect(targets('serp-duckduckgo', 'duckduckgo')).toEqual([
      'https://www.dji.com/',
      'https://www.anzurobotics.com/',
      'https://www.tp-link.com/us/',
      'https://www.theverge.com/dji-ban',
    ]);
    const a = document.createElement('a');
    a.href = 'https://duckduckgo.com/l/?uddg=https%3A%2F%2Fwww.dji.com%2F&rut=abc';
    expect(search('duckduckgo').target(a)).toBe('https://www.dji.com/');
  });
});

describe('structured data extraction', () => {
  const doc = (html: string) => {
    const d = document.implementation.createHTMLDocument('');
    d.body.innerHTML = html;
    return d;
  };
  const ld = (json: unknown) => `<script type="application/ld+json">${JSON.stringify(json)}</script>`;

  it('reads brand as a string, an object, a list; and manufacturer after brand', () => {
    const d = doc(
      ld({ '@type': 'Product', brand: 'DJI', manufacturer: { '@type': 'Organization', name: 'SZ DJI Technology Co., Ltd.' } }) +
        ld([{ '@type': ['Product'], brand: [{ name: 'EZVIZ' }, 'Hikvision'] }]),
    );
    expect(jsonLdCandidates(d).map((c) => `${c.field}=${c.value}`)).toEqual([
      'Product.brand=DJI',
      'Product.brand=EZVIZ',
      'Product.brand=Hikvision',
      'Product.manufacturer=SZ DJI Technology Co., Ltd.',
    ]);
  });

  it('ignores products inside an ItemList (a listing, not this page), broken JSON and non-products', () => {
    const d = doc(
      ld({ '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', item: { '@type': 'Product', brand: 'Hikvision' } }] }) +
        '<script type="application/ld+json">{ not json </script>' +
        ld({ '@type': 'Organization', brand: 'Hikvision' }),
    );
    expect(jsonLdCandidates(d)).toEqual([]);
    expect(productsInJsonLd({ '@graph': [{ '@type': 'https://schema.org/Product', brand: 'X' }] })).toHaveLength(1);
  });

  it('reads product meta tags and a single microdata brand, not a listing of them', () => {
    const one = doc('<meta property="og:brand" content="Hikvision"><div itemprop="brand" itemscope><span itemprop="name">Hikvision</span></div>');
    expect(metaCandidates(one).map((c) => `${c.field}=${c.value}`)).toEqual(['og:brand=Hikvision', 'itemprop=brand=Hikvision']);
    const many = doc('<span itemprop="brand">Hikvision</span><span itemprop="brand">Lorex</span><span itemprop="brand">Amcrest</span>');
    expect(metaCandidates(many)).toEqual([]);
  });

  it('decides conservatively: conflicting or not-restricted fields give no verdict', () => {
    const c = (value: string) => ({ value, source: 'json-ld' as const, field: 'Product.brand' });
    expect(decideBrand([c('Hikvision'), c('EZVIZ'), c('Some Legal Name Ltd')], index)?.hit.entity.id).toBe('hikvision');
    expect(decideBrand([c('Hikvision'), c('Lorex')], index)).toBeNull();
    expect(decideBrand([c('Hikvision'), c('Dahua')], index)).toBeNull();
    expect(decideBrand([c('Unknown'), c('Acme')], index)).toBeNull();
  });

  it('tidy drops duplicates and caps the number of candidates', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ value: `Brand ${i % 30}`, source: 'meta' as const, field: 'brand' }));
    expect(tidy(many)).toHaveLength(20);
  });
});
