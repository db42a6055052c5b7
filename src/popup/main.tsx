// The toolbar popup: the ruling context for the current site, and a lookup for any vendor.
//
// Everything is answered locally from the bundled data (and the organisation's list): no network,
// no round trip for the lookup. The shell (header, search field) renders synchronously; the site
// panel keeps its space reserved until the tab's URL and the settings arrive (a few ms), so the
// popup does not jump.
//
// The URL comes from tabs.query (the `activeTab` grant gives the real popup the active tab's URL).
// Where it is not available (a tab on a host BanWatch may not read, with the popup page opened as
// an ordinary tab as the tests do) the background's per-tab state in storage.session supplies it,
// read directly: no message, so no wait for a stopped service worker. `?tab=<id>` picks the tab.
//
// The tab's URL, the settings and the policy are read from module top, before the first render,
// side by side; the site panel renders complete as soon as they and the entry's record are in.
import { render } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from '../shared/browser';
import { buildCatalog } from '../core/catalog';
import { displayHost, hostFromUrl, noSiteReason, type NoSite } from '../core/host';
import { verdict, type Verdict, type VerdictInputs } from '../core/verdict';
import { msgKey, t } from '../shared/format';
import { detailsUrl, pageUrl } from '../shared/pages';
import { loadPageContext, prefetchHost, type PageContext } from '../shared/page-context';
import { readTabState } from '../shared/tab-state';
import { useInputs, usePageContext, usePromised } from '../ui/use-context';
import { DatasetLine, VendorView } from '../ui/VendorView';
import { NotRestrictedView, ReportedLinkView } from '../ui/EntryViews';
import { Lookup, type LookupData } from '../ui/Lookup';
import { Logo } from '../ui/Logo';
import { HostAccessNotice } from '../ui/HostAccessNotice';
import { SilenceControls } from '../ui/SilenceControls';
import type { UserSettingKey } from '../core/settings';
import '../shared/page.css';
import '../ui/ui.css';
import './popup.css';

const tabParam = new URLSearchParams(location.search).get('tab');

/** What the popup says about its tab: not a web site, not known, or the verdict on its host. */
type Site = { kind: 'no-site'; reason: NoSite } | { kind: 'unknown' } | Verdict;

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
  return (await readTabState(tab.id))?.url ?? null;
}

const pageStart = loadPageContext();
const urlStart = currentUrl()
  .catch(() => null)
  .then((url) => {
    const host = url && hostFromUrl(url);
    if (host) prefetchHost(host);
    return url;
  });

/** The host the popup asks the verdict about, or what it says instead. */
function subjectOf(url: string | null): { host: string } | Site {
  if (url === null) return { kind: 'unknown' };
  const reason = noSiteReason(url);
  if (reason) return { kind: 'no-site', reason };
  const host = hostFromUrl(url);
  return host ? { host } : { kind: 'no-site', reason: 'not-web' };
}

/**
 * The lookup's data: the search code (MiniSearch) and the whole dataset in use (the bundled chunk,
 * or an accepted update) load after the first render (or at the first keystroke), never before it.
 */
async function loadLookup(page: PageContext): Promise<LookupData> {
  const [{ buildSearchIndex, search }, dataset] = await Promise.all([import('../core/search'), page.data.dataset()]);
  const ctx: VerdictInputs = { catalog: buildCatalog(dataset, page.org), settings: page.settings, today: page.today };
  const index = buildSearchIndex({ dataset, organisationVendors: page.org.vendors, matchIndex: ctx.catalog.index });
  return { ctx, run: (query) => search(index, query), vendorCount: dataset.vendors.length };
}

function isRealPopup(): boolean {
  try {
    return tabParam === null && browser.extension.getViews({ type: 'popup' }).includes(window);
  } catch {
    return false;
  }
}

/** Opens an extension page in a tab (closing the real popup behind it). */
function openPage(url: string): void {
  const closeAfter = isRealPopup();
  void browser.tabs.create({ url }).then(() => {
    if (closeAfter) window.close();
  });
}

const openDetails = (id: string) => openPage(detailsUrl(id));

function SitePanel({ site, ctx, locked = [] }: { site: Site; ctx: VerdictInputs | null; locked?: readonly UserSettingKey[] }) {
  switch (site.kind) {
    case 'vendor':
      return (
        <>
          <p class="site-host muted small">{t('popupThisSite', displayHost(site.host ?? ''))}</p>
          <HostAccessNotice url={`https://${site.host}/`} />
          {ctx && <VendorView v={site} ctx={ctx} full={false} />}
          <p class="actions">
            <button type="button" class="btn primary" onClick={() => openDetails(site.vendor.id)}>
              {t('actionDetails')}
            </button>
          </p>
          {site.warning && site.silenced === null && site.host && (
            <SilenceControls vendorId={site.vendor.id} vendorName={site.vendor.name} host={site.host} locked={locked} />
          )}
        </>
      );
    case 'not-restricted':
      return <NotRestrictedView item={site.item} host={site.host} />;
    case 'reported-link':
      return <ReportedLinkView item={site.item} vendor={site.linkedVendor} host={site.host} onOpenVendor={openDetails} />;
    case 'none':
    case 'unknown':
      return (
        <div class="empty">
          <svg class="empty-icon" viewBox="0 0 24 24" aria-hidden="true">
            <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="2" />
            <path d="M7.5 12.5l3 3 6-6.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
          <div>
            <h2 id="vendor-title">{site.kind === 'none' && site.host ? t('popupNoRestriction', displayHost(site.host)) : t('popupNoRestrictionPage')}</h2>
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
  const page = usePageContext(pageStart);
  const url = usePromised(urlStart);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => inputRef.current?.focus(), []);

  const subject = useMemo(() => (url === undefined ? null : subjectOf(url)), [url]);
  const host = subject && !('kind' in subject) ? subject : null;
  const inputs = useInputs(page, host);

  // The site panel is complete: it has what it shows (or knows there is no site to ask about).
  const siteDone = Boolean(subject && page && (!host || inputs));

  // The lookup's data loads when the browser is idle once the site panel is complete, or at the
  // first keystroke: fetching and compiling it earlier competed with the panel's own reads.
  const [lookup, setLookup] = useState<LookupData | null>(null);
  const loading = useRef<PageContext | null>(null);
  const wantLookup = useCallback(() => {
    if (!page || loading.current === page) return;
    loading.current = page;
    void loadLookup(page).then((data) => loading.current === page && setLookup(data));
  }, [page]);
  useEffect(() => {
    if (!siteDone) return;
    const idle = (globalThis.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 50))) as (f: () => void) => number;
    idle(wantLookup);
  }, [siteDone, wantLookup]);

  const panel = useMemo(() => {
    if (!subject || !page) return <div class="site-pending" aria-busy="true" />;
    if (!host) return <SitePanel site={subject as Site} ctx={null} />;
    return inputs ? <SitePanel site={verdict(inputs, host)} ctx={inputs} locked={page.state.locked} /> : <div class="site-pending" aria-busy="true" />;
  }, [subject, page, host, inputs]);

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
        <Lookup lookup={lookup} onQuery={wantLookup} onOpen={openDetails} inputRef={inputRef}>
          <div class="site">{panel}</div>
        </Lookup>
      </main>
      <footer class="foot">
        <DatasetLine meta={page?.data.lean.meta} />
        <button type="button" class="link-btn" onClick={() => openPage(pageUrl('screen'))}>
          {t('popupScreen')}
        </button>
      </footer>
    </>
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
render(<App />, document.getElementById('app')!);
