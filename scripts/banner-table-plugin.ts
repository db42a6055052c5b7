// The vendor-site script's table (src/vendor-page/table.ts), generated at build time by the one
// verdict with the default settings (src/vendor-page/banner-text.ts): for each listed domain, the
// banner's text and whether it shows by default. The script draws the banner from it
// synchronously, before the page's first paint; the user's own choices arrive as small override
// scripts registered by the background (src/background/vendor-scripts.ts).
//
// A `define` rather than a virtual module: crxjs builds content scripts in a second Vite build
// that keeps the parent's `define` and `resolve` but none of its plugins.
import type { Plugin } from 'vite';
import { dataset } from '../src/core/dataset';
import { buildCatalog } from '../src/core/catalog';
import { today } from '../src/core/dates';
import { bannerTable } from '../src/vendor-page/banner-text';

export function bannerTablePlugin(): Plugin {
  return {
    name: 'banwatch:banner-table',
    config: () => ({ define: { __BANNER_TABLE__: JSON.stringify(bannerTable(buildCatalog(dataset), today())) } }),
  };
}
