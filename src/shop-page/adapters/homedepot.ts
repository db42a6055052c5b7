// The Home Depot (www.homedepot.com). Modelled on https://www.homedepot.com/p/<slug>/312345678:
// the brand link above the title `<div data-component^="ProductDetailsBrandCollection">
// <a href="/b/Hikvision/N-5yc1v…"><h2>Hikvision</h2></a>` and the title
// `<div data-component^="ProductDetailsTitle"><h1>…</h1></div>`; JSON-LD Product with "brand"
// (read generically).
import { byline, type ShopAdapter } from './types';

export const homedepot: ShopAdapter = {
  kind: 'shop',
  byline: (doc) => byline(doc.querySelector('[data-component^="ProductDetailsBrandCollection"] a')?.textContent, 'ProductDetailsBrandCollection'),
  title: (doc) => doc.querySelector('[data-component^="ProductDetailsTitle"] h1') ?? doc.querySelector('main h1'),
};
