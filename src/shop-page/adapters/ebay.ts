// eBay (www.ebay.com). Modelled on https://www.ebay.com/itm/123456789012: title
// `<h1 class="x-item-title__mainTitle"><span class="ux-textspans ux-textspans--BOLD">…</span></h1>`;
// item specifics `<dl class="ux-labels-values … ux-labels-values--brand"><dt>Brand</dt>
// <dd class="ux-labels-values__values"><span class="ux-textspans">DJI</span></dd></dl>`; JSON-LD
// Product with "brand" (read generically). Sellers type item specifics themselves, so only the
// exact-brand rule (no free text) keeps this precise.
import { byline, type ShopAdapter } from './types';

export const ebay: ShopAdapter = {
  kind: 'shop',
  byline: (doc) => byline(doc.querySelector('.ux-labels-values--brand .ux-labels-values__values')?.textContent, 'item-specifics:Brand'),
  title: (doc) => doc.querySelector('h1.x-item-title__mainTitle'),
};
