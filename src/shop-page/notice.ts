// The inline product notice and the result chip, each in its own shadow root with the in-page
// UI's look (src/inpage-ui/). Every string is set with textContent: nothing from the page or the
// data is ever parsed as HTML.
import type { ShopMark, ShopNotice } from '../core/shopping/marks';
import { effectLine, t } from '../shared/format';
import noticeCss from './notice.css?inline';
import chipCss from './chip.css?inline';
import { el, logo } from '../inpage-ui/dom';
import { CARD_CSS, TOKENS_CSS } from '../inpage-ui/styles';

export const NOTICE_TAG = 'banwatch-shop-notice';
export const CHIP_TAG = 'banwatch-chip';
const NOTICE_ATTR = 'data-banwatch-notice';
const CHIP_ATTR = 'data-banwatch-chip';

/** One line on what the mark is: the headline ruling, or the reported-link wording. */
function markLine(m: ShopMark): string {
  if (m.kind === 'reported-link') return t('shopReportedLine', [m.name, m.linkedVendorName ?? '']);
  if (!m.ruling) return '';
  return `${effectLine({ effect: m.ruling.effect as never, since: m.ruling.since, state: m.ruling.state })} — ${m.ruling.shortName}`;
}

/** "Brand: Hikvision (from the page's product data)". */
function whyLine(n: ShopNotice): string {
  const why = n.why.source === 'byline' ? t('shopWhyByline', [n.why.name, n.why.value]) : t('shopWhyData', n.why.name);
  const alias = n.kind === 'vendor' && n.why.name.toLowerCase() !== n.name.toLowerCase() ? ` ${t('shopWhyAlias', [n.why.name, n.name])}` : '';
  return why + alias;
}

/** Renders the notice for `n` into `host`'s shadow root (created on first use). */
export function renderNotice(host: HTMLElement, n: ShopNotice, onDetails: () => void, onDismiss: () => void): void {
  host.setAttribute(NOTICE_ATTR, '');
  host.setAttribute('data-banwatch-vendor', n.id);
  host.setAttribute('data-kind', n.kind);
  host.setAttribute('data-severity', n.severity);
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  root.replaceChildren();

  const title = n.kind === 'reported-link' ? t('shopReportedTitle', [n.name, n.linkedVendorName ?? '']) : n.name;
  const card = el('section', { class: 'card', role: 'note', 'aria-label': `BanWatch: ${title}` });
  const head = el('div', { class: 'head' });
  const close = el('button', { type: 'button', class: 'close', 'aria-label': t('shopDismiss') }, '×');
  close.addEventListener('click', onDismiss);
  head.append(logo(), el('span', { class: 'brand' }, 'BanWatch'), el('span', { class: 'chip' }, t(`severity_${n.severity}`)), close);

  const line = el('p', { class: 'line' }, markLine(n));
  const parts: Node[] = [head, el('h2', {}, title), line];
  if (n.kind === 'reported-link' && n.relationship) parts.push(el('p', { class: 'note' }, n.relationship));
  parts.push(el('p', { class: 'why note' }, whyLine(n)));
  const details = el('button', { type: 'button', class: 'btn primary' }, t('actionDetails'));
  details.addEventListener('click', onDetails);
  const actions = el('div', { class: 'actions' });
  actions.append(details);
  parts.push(actions);
  card.append(...parts);
  root.append(el('style', {}, CARD_CSS + noticeCss), card);
}

/** Tooltip and accessible label of a chip. */
function chipLabel(m: ShopMark): string {
  if (m.kind === 'reported-link') return t('shopChipTooltipReported', [m.name, m.linkedVendorName ?? '']);
  return t('shopChipTooltip', [m.name, t(`severity_${m.severity}`), m.ruling?.shortName ?? '']);
}

/** A chip for one result link or listing tile: inline, after the link, never inside it. */
export function createChip(m: ShopMark): HTMLElement {
  const host = document.createElement(CHIP_TAG);
  host.setAttribute(CHIP_ATTR, m.id);
  host.setAttribute('data-severity', m.severity);
  const label = chipLabel(m);
  host.setAttribute('title', label);
  const root = host.attachShadow({ mode: 'open' });
  const text = m.kind === 'reported-link' ? t('shopChipReported') : `${m.name} · ${t(`severity_${m.severity}`)}`;
  root.append(el('style', {}, TOKENS_CSS + chipCss), el('span', { class: 'chip', role: 'img', 'aria-label': label }, `BanWatch: ${text}`));
  return host;
}
