// The banner's card, built inside a closed shadow root (DOM helpers in inpage-ui/dom.ts:
// textContent only). It says the same for every user: vendor, headline ruling, agency, effect and
// date (banner-text.ts), and offers only what is safe from a page: the ruling context (an
// extension page) and dismissing it for this page. Lasting choices live in the popup and details.
import { effectLine, t } from '../shared/format';
import bannerCss from './banner.css?inline';
import { el, logo } from '../inpage-ui/dom';
import { CARD_CSS } from '../inpage-ui/styles';
import type { BannerText } from './banner-text';
import type { BannerProbe } from './api';

export type BannerChoice = 'open-details' | 'dismiss';

/** A button whose handler runs for the user's own clicks only (a page can synthesise clicks, never trusted ones). */
function trustedButton(label: string, className: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button', class: className }, label);
  b.addEventListener('click', (e) => {
    if (e.isTrusted) onClick();
  });
  return b;
}

/** The drawn card: switch to the fallback text while the page holds a modal; describe it for the e2e tests. */
export interface BannerCard {
  setModal(on: boolean): void;
  describe(): Pick<BannerProbe, 'modal' | 'texts' | 'buttons' | 'rect'>;
}

/** Fills `root` with the card for `text`. */
export function renderBanner(root: ShadowRoot, text: BannerText, onChoice: (c: BannerChoice) => void): BannerCard {
  const card = el('section', { class: 'card', role: 'region', 'aria-labelledby': 'bw-title' });
  const head = el('div', { class: 'head' });
  head.append(logo(), el('span', { class: 'brand' }, t('bannerBrand')));
  const title = el('h2', { id: 'bw-title' }, t('bannerTitle', text.vendor));
  const line = el('p', { class: 'line' }, effectLine(text));
  const ruling = el('p', { class: 'ruling' }, t('bannerRuling', [text.ruling, text.agency]));
  const actions = el('div', { class: 'actions' });
  actions.append(
    trustedButton(t('actionDetails'), 'btn primary', () => onChoice('open-details')),
    trustedButton(t('actionDismissPage'), 'btn', () => onChoice('dismiss')),
  );
  // Shown instead of the buttons while the page holds a modal dialog or fullscreen element:
  // everything outside it is inert then, so the text has to stand on its own.
  const blocked = el('p', { class: 'blocked' }, t('bannerBlocked'));
  card.append(head, title, line, ruling, actions, blocked);
  card.addEventListener('keydown', (e) => {
    if (e.isTrusted && e.key === 'Escape') onChoice('dismiss');
  });
  // Announced once, politely: a screen reader user hears the warning without a focus grab.
  const live = el('div', { class: 'sr-only', role: 'status' });
  root.replaceChildren(el('style', {}, CARD_CSS + bannerCss), card, live);
  setTimeout(() => (live.textContent = `${title.textContent}. ${line.textContent}`), 100);
  return {
    setModal: (on) => card.classList.toggle('modal', on),
    describe: () => ({
      modal: card.classList.contains('modal'),
      rect: card.getBoundingClientRect().toJSON() as BannerProbe['rect'],
      texts: [...card.querySelectorAll('h2, p, .brand')].filter((e) => e.checkVisibility()).map((e) => e.textContent ?? ''),
      buttons: [...card.querySelectorAll('button')].filter((b) => b.checkVisibility()).map((b) => {
        const r = b.getBoundingClientRect();
        return { label: b.textContent ?? '', x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }),
    }),
  };
}
