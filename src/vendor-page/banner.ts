// Builds the warning banner inside a shadow root (DOM helpers in dom.ts: textContent only).
import type { WarningModel } from '../core/verdict';
import type { BannerAction } from '../shared/messages';

/** A banner button: an action for the background, or "dismiss", which stays in this page. */
export type BannerChoice = BannerAction | 'dismiss';
import { effectLine, formatDay, msgKey, safeHref, t } from '../shared/format';
import bannerCss from './banner.css?inline';
import { button, el, logo } from '../inpage-ui/dom';
import { CARD_CSS } from '../inpage-ui/styles';

const HOST_ATTR = 'data-banwatch-banner';

function section(title: string, ...children: (Node | string)[]): DocumentFragment {
  const f = document.createDocumentFragment();
  f.append(el('h3', {}, title), ...children);
  return f;
}

function details(w: WarningModel, onAction: (a: BannerChoice) => void): HTMLElement {
  const headline = w.rulings[0]!;
  const more = el('div', { class: 'more', id: 'bw-more', hidden: '' });

  more.append(section(t('bannerForYou'), el('p', {}, headline.forYou)));
  more.append(section(t('bannerSummary'), el('p', {}, headline.summary)));

  const phases = el('ol');
  for (const p of headline.phases) {
    const li = el('li');
    li.append(
      el('strong', {}, formatDay(p.date)),
      ' ',
      el('span', { class: `phase-state${p.inForce ? ' on' : ''}` }, p.inForce ? t('phaseInForce') : t('phaseUpcoming')),
      ' — ',
      p.change,
    );
    phases.append(li);
  }
  more.append(section(t('bannerKeyDates'), phases));

  const scope = el('div');
  if (headline.scope) scope.append(el('p', {}, headline.scope));
  scope.append(el('p', {}, t('bannerBinds', headline.binds.map((b) => t(`binds_${msgKey(b)}`)).join(', '))));
  if (headline.doesNotBind) scope.append(el('p', { class: 'note' }, headline.doesNotBind));
  more.append(section(t('bannerScope'), scope));

  const sources = el('ul');
  for (const s of headline.sources) {
    const href = safeHref(s.url);
    const li = el('li');
    if (href) li.append(el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, s.title));
    else li.append(s.title);
    li.append(` — ${s.publisher}${s.primary ? ` (${t('sourcePrimary')})` : ''}`);
    sources.append(li);
  }
  more.append(section(t('bannerSources'), sources));

  if (w.why) {
    const evidence = t(w.why.evidence === 'sourced' ? 'evidenceSourced' : 'evidenceBelieved');
    const why =
      w.why.host === w.why.domain
        ? t('whyExact', [w.why.domain, w.vendorName, evidence])
        : t('whySubdomain', [w.why.host, w.why.domain, w.vendorName, evidence]);
    const whyP = el('p', {}, why);
    if (w.origin === 'organisation') whyP.append(' ', el('span', { class: 'note' }, t('orgListed')));
    more.append(section(t('bannerWhy'), whyP));
  }

  if (w.rulings.length > 1) {
    const others = w.rulings.slice(1).map((r) => r.shortName).join('; ');
    more.append(el('p', { class: 'note' }, t('bannerMoreRulings', [String(w.rulings.length - 1), others])));
  }

  const choices = el('div', { class: 'choices' });
  choices.append(
    button(t('actionAllowSite'), 'btn', () => onAction('allow-site')),
    button(t('actionSnooze'), 'btn', () => onAction('snooze-vendor')),
    button(t('actionHideVendor', w.vendorName), 'btn', () => onAction('hide-vendor')),
  );
  more.append(section(t('bannerStop'), choices));
  return more;
}

/** Renders the banner for `w` into a fresh shadow root on `host`. */
export function renderBanner(host: HTMLElement, w: WarningModel, onAction: (a: BannerChoice) => void): ShadowRoot {
  host.setAttribute(HOST_ATTR, '');
  host.setAttribute('data-banwatch-vendor', w.vendorId);
  host.setAttribute('data-severity', w.severity);
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  root.replaceChildren();

  const style = el('style', {}, CARD_CSS + bannerCss);
  const headline = w.rulings[0]!;
  const card = el('section', { class: 'card', role: 'region', 'aria-labelledby': 'bw-title', 'aria-describedby': 'bw-line' });

  const head = el('div', { class: 'head' });
  head.append(
    logo(),
    el('span', { class: 'brand' }, 'BanWatch'),
    el('span', { class: 'chip' }, t(`severity_${w.severity}`)),
    button('×', 'close', () => onAction('dismiss')),
  );
  head.lastElementChild!.setAttribute('aria-label', t('actionDismiss'));

  const title = el('h2', { id: 'bw-title' }, t('bannerTitle', w.vendorName));
  const line = el('p', { class: 'line', id: 'bw-line' }, `${effectLine(headline)} — `);
  line.append(el('span', { class: 'ruling' }, `${headline.shortName}`));

  const more = details(w, onAction);
  const toggle = button(t('actionShowMore'), 'btn', () => {
    const open = more.hidden;
    more.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = t(open ? 'actionShowLess' : 'actionShowMore');
  });
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', 'bw-more');

  const actions = el('div', { class: 'actions' });
  actions.append(button(t('actionDetails'), 'btn primary', () => onAction('open-details')), toggle);

  card.append(head, title, line, actions, more);
  card.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') onAction('dismiss');
  });
  // Announced once, politely, so a screen reader user hears the warning without a focus grab.
  const live = el('div', { class: 'sr-only', role: 'status' });
  root.append(style, card, live);
  setTimeout(() => (live.textContent = `${title.textContent}. ${line.textContent}`), 100);
  return root;
}
