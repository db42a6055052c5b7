// What the vendor-site banner says, and the build-time table of it. Pure (no browser API): the
// build (scripts/banner-table-plugin.ts) and the background compute it with the one verdict,
// and the content script only reads it.
//
// The text is the same for every user: it is judged with the default settings (the default
// audience ranks the headline ruling, whoever is reading) and with every authority counted. What the page can find in the banner (window.find, its size) must
// not tell it the user's audience, thresholds or choices; those stay in the popup and details.
import { defaults, type Settings } from '../core/settings';
import { shownWarning, verdict, type RulingView, type VerdictInputs } from '../core/verdict';
import type { Catalog } from '../core/catalog';

/** One banner's text: vendor, headline ruling, its agency, effect and date. No severity, no audience. */
export interface BannerText {
  vendorId: string;
  vendor: string;
  ruling: string;
  agency: string;
  effect: RulingView['effect'];
  since: string | null;
  state: string;
}

/** The build-time table: listed domain → [index into `texts` (-1: no banner text), shown with default settings]. */
export interface BannerTable {
  texts: BannerText[];
  hosts: Record<string, [number, boolean]>;
}

/** The headline as the default audience ranks it; for a vendor nothing reaches that audience, as 'everything' does. */
const AUDIENCES: Settings['audience'][] = [defaults.audience, 'everything'];

/** The banner text for `host` (null: BanWatch never shows a banner there), whatever the user's settings. */
export function bannerText(inputs: VerdictInputs, host: string): BannerText | null {
  const explained = (audience: Settings['audience']) => {
    const v = verdict({ ...inputs, settings: { ...defaults, audience } }, { host });
    return v.kind === 'vendor' ? v.explained : null;
  };
  const w = AUDIENCES.map(explained).find((x) => x !== null);
  const r = w?.rulings[0];
  if (!w || !r) return null;
  return { vendorId: w.vendorId, vendor: w.vendorName, ruling: r.shortName, agency: r.agency, effect: r.effect, since: r.since, state: r.state };
}

/** Whether `host` gets a banner for these inputs (the user's effective settings included). */
export function bannerShown(inputs: VerdictInputs, host: string): boolean {
  return inputs.settings.enabled && inputs.settings.warningStyle !== 'badge' && shownWarning(verdict(inputs, { host })) !== null;
}

/** Every domain the match index decides on: vendor domains and exclusions, not-restricted and reported-link domains. */
export function listedDomains(catalog: Catalog): string[] {
  const d = catalog.dataset;
  const all = [
    ...d.vendors.flatMap((v) => [...v.domains.map((x) => x.domain), ...(v.exclusions ?? []).map((x) => x.domain)]),
    ...(d.notRestricted ?? []).flatMap((n) => n.domains),
    ...(d.reportedLinks ?? []).flatMap((l) => l.domains),
  ];
  return [...new Set(all.map((x) => x.toLowerCase()))].sort();
}

/** The table the content script carries: for each listed domain, its banner text and whether the defaults show it. */
export function bannerTable(catalog: Catalog, today: string): BannerTable {
  const inputs: VerdictInputs = { catalog, settings: defaults, today };
  const texts: BannerText[] = [];
  const index = new Map<string, number>();
  const hosts: BannerTable['hosts'] = {};
  for (const domain of listedDomains(catalog)) {
    const text = bannerText(inputs, domain);
    let i = -1;
    if (text) {
      const key = JSON.stringify(text);
      i = index.get(key) ?? texts.push(text) - 1;
      index.set(key, i);
    }
    hosts[domain] = [i, text !== null && bannerShown(inputs, domain)];
  }
  return { texts, hosts };
}
