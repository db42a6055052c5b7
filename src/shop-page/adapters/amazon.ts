// Amazon (www.amazon.com). Modelled on public pages as they were shaped in 2024–2025:
//  - product page https://www.amazon.com/Hikvision-DS-2CD2143G2-IU-Outdoor-AcuSense/dp/B08L5MR3DZ
//    title `<span id="productTitle">` inside `<h1 id="title">`; byline `<a id="bylineInfo">`
//    reading "Visit the Hikvision Store" or "Brand: Hikvision"; the product overview table row
//    `<tr class="po-brand"><td>Brand</td><td><span class="po-break-word">Hikvision</span></td></tr>`.
//    No JSON-LD Product on Amazon product pages.
//  - search page https://www.amazon.com/s?k=ip+camera: tiles
//    `<div data-component-type="s-search-result">`; some categories show a brand row above the
//    title: `<div data-cy="title-recipe"><div class="a-row a-color-secondary"><h2 class="a-size-mini">
//    <span class="a-size-base-plus a-color-base">HIKVISION</span></h2></div><a …><h2>title</h2></a>`.
import { all, byline, type ShopAdapter, type Tile } from './types';

export const amazon: ShopAdapter = {
  kind: 'shop',
  byline: (doc) => [
    ...byline(doc.querySelector('#bylineInfo')?.textContent, '#bylineInfo'),
    ...byline(doc.querySelector('#productOverview_feature_div tr.po-brand td:last-child')?.textContent, 'po-brand'),
  ],
  title: (doc) => doc.querySelector('#title') ?? doc.querySelector('#productTitle'),
  tileRoots: (root) => all(root, '[data-component-type="s-search-result"]'),
  tile: (tile): Tile | null => {
    const brand = tile.querySelector('[data-cy="title-recipe"] > .a-row.a-color-secondary > h2 > span')?.textContent?.trim();
    const anchor = tile.querySelector('[data-cy="title-recipe"] > a');
    return brand && anchor ? { value: brand, anchor } : null;
  },
};
