// Best Buy (www.bestbuy.com). Modelled on https://www.bestbuy.com/site/<slug>/6512345.p?skuId=6512345:
// the title is `<div class="sku-title"><h1>…</h1></div>` (newer builds: `<h1 class="h4">` in
// `.shop-product-title`); the brand is in the page's JSON-LD Product ("brand": {"@type": "Brand",
// "name": "…"}), read generically, plus a brand link `<a data-testid="brand-link">` / `.product-brand a`
// in some layouts.
import { byline, type ShopAdapter } from './types';

export const bestbuy: ShopAdapter = {
  kind: 'shop',
  byline: (doc) => byline(doc.querySelector('[data-testid="brand-link"], .shop-product-title .product-brand a')?.textContent, 'brand-link'),
  title: (doc) => doc.querySelector('.sku-title h1, .shop-product-title h1'),
};
