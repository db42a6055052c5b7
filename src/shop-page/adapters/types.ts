// What a per-site adapter tells the content script. Adapters are small and read only structured
// fields (a byline, a brand row, a result's title link); the JSON-LD and meta tags every product
// page may carry are read generically (src/core/shopping/extract.ts).
import type { BrandCandidate } from '../../core/shopping/extract';

/** A listing tile (search or category page) with a brand field of its own. */
export interface Tile {
  /** The tile's brand field, e.g. "HIKVISION". */
  value: string;
  /** The tile's title link: the chip goes right after it. */
  anchor: Element;
}

export interface ShopAdapter {
  kind: 'shop';
  /** The site's own brand or byline fields for this page's product. */
  byline(doc: ParentNode): BrandCandidate[];
  /** The product title: the notice goes right after it. */
  title(doc: ParentNode): Element | null;
  /** Listing tiles (optional: only where the site shows a brand field on them): one query… */
  tileRoots?(root: ParentNode): Element[];
  /** …then each tile read on its own, so a 10,000-tile page can be handled in slices. */
  tile?(el: Element): Tile | null;
}

export interface SearchAdapter {
  kind: 'search';
  /** Organic results' title links. */
  links(root: ParentNode): HTMLAnchorElement[];
  /** Where a result link leads (the engine's redirect form decoded), or null. */
  target(a: HTMLAnchorElement): string | null;
}

export type Adapter = ShopAdapter | SearchAdapter;

export const byline = (value: string | null | undefined, field: string): BrandCandidate[] =>
  value ? [{ value: value.replace(/\s+/g, ' ').trim(), source: 'byline', field }] : [];

/** Elements matching `selector`, as an array (for adapters). */
export const all = <E extends Element = Element>(root: ParentNode, selector: string): E[] => Array.from(root.querySelectorAll<E>(selector));

/** An element's brand text: an image's title/alt (logo brands) or the text. */
export function brandText(el: Element | null): string | null {
  if (!el) return null;
  const img = el.matches('img') ? el : el.querySelector('img');
  const text = (img?.getAttribute('title') || img?.getAttribute('alt') || el.textContent || '').replace(/\s+/g, ' ').trim();
  return text || null;
}
