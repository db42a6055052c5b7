// DOM helpers for the in-page UI (vendor-site banner, shopping notice and chips). Text is only
// ever set with textContent: nothing from the page or the data is parsed as HTML.

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** BanWatch's shield, coloured by the host's --sev and --bg custom properties. */
export function logo(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 128 128');
  svg.setAttribute('class', 'logo');
  svg.setAttribute('aria-hidden', 'true');
  for (const [d, fill] of [
    ['M64 18 L102 32 V62 C102 86 86 104 64 112 C42 104 26 86 26 62 V32 Z', 'var(--sev)'],
    ['M58 46h12v30h-12z M58 82h12v12h-12z', 'var(--bg)'],
  ] as const) {
    const p = document.createElementNS(SVG_NS, 'path');
    p.setAttribute('d', d);
    p.setAttribute('fill', fill);
    svg.append(p);
  }
  return svg;
}
