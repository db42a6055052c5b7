// Newegg (www.newegg.com). Modelled on public pages as shaped in 2024–2025:
//  - product page https://www.newegg.com/p/N82E16881000001 (or /<slug>/p/N82E…):
//    `<h1 class="product-title">`; brand logo `<div class="product-view-brand"><a href="…/BrandStore/…">
//    <img title="HIKVISION" alt="HIKVISION"></a></div>`; JSON-LD Product with "brand".
//  - search page https://www.newegg.com/p/pl?d=hikvision: tiles `<div class="item-cell">` with
//    `<a class="item-brand"><img title="HIKVISION"></a>` and the title link `<a class="item-title">`.
import { all, brandText, byline, type ShopAdapter, type Tile } from './types';

export const newegg: ShopAdapter = {
  kind: 'shop',
  byline: (doc) => byline(brandText(doc.querySelector('.product-view-brand')), '.product-view-brand'),
  title: (doc) => doc.querySelector('h1.product-title'),
  tileRoots: (root) => all(root, '.item-cell'),
  tile: (tile): Tile | null => {
    const brand = brandText(tile.querySelector('a.item-brand'));
    const anchor = tile.querySelector('a.item-title');
    return brand && anchor ? { value: brand, anchor } : null;
  },
};
