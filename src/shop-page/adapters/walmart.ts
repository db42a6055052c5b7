// Walmart (www.walmart.com). Modelled on https://www.walmart.com/ip/<slug>/123456789:
// `<h1 id="main-title" itemprop="name">`; the brand link above it
// `<a data-seo-id="brand-name" href="/brand/hikvision/…">Hikvision</a>`; JSON-LD Product with
// "brand": {"@type": "Brand", "name": "…"} (read generically).
import { byline, type ShopAdapter } from './types';

export const walmart: ShopAdapter = {
  kind: 'shop',
  byline: (doc) => byline(doc.querySelector('a[data-seo-id="brand-name"]')?.textContent, 'brand-name'),
  title: (doc) => doc.querySelector('h1#main-title') ?? doc.querySelector('main h1'),
};
