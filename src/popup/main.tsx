// The toolbar popup: the ruling context for the current site, and a lookup for any vendor.
//
// Everything is answered locally from the bundled data (and the organisation's list): no network,
// no round trip for the lookup. The shell (header, search field) renders synchronously; the site
// panel keeps its space reserved until the tab's URL and the settings arrive (a few ms), so the
// popup does not jump.
//
// The URL comes from tabs.query (the `activeTab` grant gives the real popup the active tab's URL).
// Where it is not available (the popup page opened as an ordinary tab, as the tests do) the
// background's per-tab state supplies it. `?tab=<id>` picks the tab to describe.
import { render } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from '../shared/browser';
import type { Message, Replies } from '../shared/messages';
import { dataset } from '../core/dataset';
import type { NotRestricted, ReportedLink, Vendor } from '../core/dataset/schema';
import { displayHost, hostFromUrl } from '../core/host';
import { buildMatchIndex, matchVendor, type MatchIndex } from '../core/match';
import { buildSearchIndex, type SearchIndex } from '../core/search';
import { loadSettings } from '../shared/settings-store';
import { loadOrgList } from '../shared/policy-store';
import { msgKey, t, todayIso } from '../shared/format';
import { findEntry, noSiteReason, vendorModel, type NoSite, type Origin, type PageData, type VendorMatch, type VendorModel } from '../ui/model';
import { DatasetLine, VendorView } from '../ui/VendorView';
import { NotRestrictedView, ReportedLinkView } from '../ui/EntryViews';
import { Lookup } from '../ui/Lookup';
import { Logo } from '../ui/Logo';
import { HostAccessNotice } from '../onboarding/HostAccessNotice';
import '../shared/page.css';
import '../ui/ui.css';
import './popup.css';

const tabParam = new URLSearchParams(location.search).get('tab');

const send = <K extends Message['type']>(m: Extract<Message, { type: K }>) => browser.runtime.sendMessage(m) as Promise<Replies[K]>;

type Site =
  | { kind: 'no-site'; reason: NoSite }
  | { kind: 'unknown' }
  | { kind: 'unmatched'; host: string }
  | { kind: 'vendor'; host: string; match: VendorMatch; vendor: Vendor; origin: Origin; model: VendorModel }
  | { kind: 'not-restricted'; host: string; item: NotRestricted }
  | { kind: 'reported-link'; host: string; item: ReportedLink };

/** The URL of the tab the popup describes, or null when neither the tab nor the background knows it. */
async function currentUrl(): Promise<string | null> {
  let tab: { id?: number; url?: string } | undefined;
  if (tabParam !== null && /^\d+$/.test(tabParam)) {
    const id = Number(tabParam);
    tab = await browser.tabs.get(id).catch(() => ({ id }));
  } else {
    [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  }
  if (tab?.url) return tab.url;
  if (tab?.id === undefined) return null;
  // A worker that is starting up answers in milliseconds; never leave the popup blank waiting.
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 1500));
  const state = await Promise.race([send({ type: 'ui-bg-tab-state', tabId: tab.id }).catch(() => null), timeout]);
  return state?.url ?? null;
}

function siteFor(url: string | null, data: PageData, index: MatchIndex): Site {
  if (url === null) return { kind: 'unknown' };
  const reason = noSiteReason(url);
  if (reason) return { kind: 'no-site', reason };
  const host = hostFromUrl(url);
  if (!host) return { kind: 'no-site', reason: 'not-web' };
  const match = matchVendor(host, index);
  if (!match) return { kind: 'unmatched', host };
  if (match.kind === 'not-restricted') {
    const item = dataset.notRestricted.find((n) => n.id === match.id);
    return item ? { kind: 'not-restricted', host, item } : { kind: 'unmatched', host };
  }
  if (match.kind === 'reported-link') {
    const item = dataset.reportedLinks.find((r) => r.id === match.id);
    return item ? { kind: 'reported-link', host, item } : { kind: 'unmatched', host };
  }
  const entry = findEntry(match.vendorId, data);
  if (entry?.kind !== 'vendor') return { kind: 'unmatched', host };
  return { kind: 'vendor', host, match, vendor: entry.vendor, origin: entry.origin, model: vendorModel(entry.vendor, entry.origin, data, match) };
}

function isRealPopup(): boolean {
  try {
    return tabParam === null && browser.extension.getViews({ type: 'popup' }).includes(window);
  } catch {
    return false;
  }
}

/** Opens an extension page in a tab (closing the real popup behind it). */
function openPage(path: string): void {
  const closeAfter = isRealPopup();
  void browser.tabs.create({ url: browser.runtime.getURL(path) }).then(() => {
    if (closeAfter) window.close();
  });
}

const openDetails = (id: string) => openPage(`src/details/index.html?vendor=${encodeURIComponent(id)}`);

function SitePanel({ site, data }: { site: Site; data: PageData }) {
  switch (site.kind) {
    case 'vendor':
      return (
        <>
          <p class="site-host muted small">{t('popupThisSite', displayHost(site.host))}</p>
          <HostAccessNotice url={`https://${site.host}/`} />
          <VendorView vendor={site.vendor} origin={site.origin} model={site.model} data={data} full={false} match={site.match} />
          <p class="actions">
            <button type="button" class="btn primary" onClick={() => openDetails(site.vendor.id)}>
              {t('actionDetails')}
            </button>
          </p>
        </>
      );
    case 'not-restricted':
      return <NotRestrictedView item={site.item} host={site.host} />;
    case 'reported-link':
      return <ReportedLinkView item={site.item} host={site.host} onOpenVendor={openDetails} />;
    case 'unmatched':
    case 'unknown':
      return (
        <div class="empty">
          <svg class="empty-icon" viewBox="0 0 24 24" aria-hidden="true">
            <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2" />
            <path d="M7.5 12.5l3 3 6-6.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
          <div>
            <h2 id="vendor-title">{site.kind === 'unmatched' ? t('popupNoRestriction', displayHost(site.host)) : t('popupNoRestrictionPage')}</h2>
            <p class="muted">{t('popupNoRestrictionBody')}</p>
          </div>
        </div>
      );
    case 'no-site':
      return (
        <div class="empty">
          <div>
            <h2 id="vendor-title">{t(`popupNoSite_${msgKey(site.reason)}`)}</h2>
            <p class="muted">{t('popupNoSiteBody')}</p>
          </div>
        </div>
      );
  }
}

function App() {
  const [data, setData] = useState<PageData | null>(null);
  const [site, setSite] = useState<Site | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const matchIndex = useRef<MatchIndex | null>(null);

  useEffect(() => {
    inputRef.current?.focus();
    void Promise.all([currentUrl().catch(() => null), loadSettings(), loadOrgList().catch(() => ({ vendors: [], rulings: [] }))]).then(([url, settings, org]) => {
      const d: PageData = { settings, orgVendors: org.vendors, orgRulings: org.rulings, today: todayIso() };
      matchIndex.current = buildMatchIndex({
        vendors: dataset.vendors,
        notRestricted: dataset.notRestricted,
        reportedLinks: dataset.reportedLinks,
        organisationVendors: d.orgVendors,
      });
      setData(d);
      setSite(siteFor(url, d, matchIndex.current));
    });
  }, []);

  // The search index is built on first use (or when idle), not before the first paint.
  const indexRef = useRef<SearchIndex | null>(null);
  const getIndex = useCallback(() => {
    indexRef.current ??= buildSearchIndex({ dataset, organisationVendors: data?.orgVendors ?? [], ...(matchIndex.current && { matchIndex: matchIndex.current }) });
    return indexRef.current;
  }, [data]);
  useEffect(() => {
    if (!data) return;
    indexRef.current = null;
    const idle = (globalThis.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 50))) as (f: () => void) => number;
    idle(() => void getIndex());
  }, [data, getIndex]);

  const panel = useMemo(() => (site && data ? <SitePanel site={site} data={data} /> : <div class="site-pending" aria-busy="true" />), [site, data]);

  return (
    <>
      <header class="bar">
        <Logo />
        <h1 class="brand">BanWatch</h1>
        <button type="button" class="icon-btn" aria-label={t('popupOptions')} title={t('popupOptions')} onClick={() => void browser.runtime.openOptionsPage()}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path
              fill="currentColor"
              d="M19.4 13a7.6 7.6 0 000-2l2.1-1.6-2-3.5-2.5 1a7.4 7.4 0 00-1.7-1L15 3.3h-4l-.4 2.6a7.4 7.4 0 00-1.7 1l-2.5-1-2 3.5L6.6 11a7.6 7.6 0 000 2l-2.1 1.6 2 3.5 2.5-1a7.4 7.4 0 001.7 1l.4 2.6h4l.4-2.6a7.4 7.4 0 001.7-1l2.5 1 2-3.5zM13 15.5a3.5 3.5 0 110-7 3.5 3.5 0 010 7z"
              transform="translate(-1 0)"
            />
          </svg>
        </button>
      </header>
      <main>
        <Lookup getIndex={getIndex} data={data} onOpen={openDetails} inputRef={inputRef}>
          <div class="site">{panel}</div>
        </Lookup>
      </main>
      <footer class="foot">
        <DatasetLine />
        <button type="button" class="link-btn" onClick={() => openPage('src/screen/index.html')}>
          {t('popupScreen')}
        </button>
      </footer>
    </>
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
render(<App />, document.getElementById('app')!);
