// Full ruling context for one vendor: src/details/index.html?vendor=<id> (opened by the banner's
// "Full ruling context" button and by the popup). The same VendorView as the popup, in full:
// every ruling expanded, every domain with its evidence, aliases, exclusions, reported links and
// the dataset's version. Also answers for not-restricted entries and reported links. Printable.
import { render } from 'preact';
import browser from '../shared/browser';
import { useEffect, useState } from 'preact/hooks';
import { loadSettings } from '../shared/settings-store';
import { loadOrgList } from '../shared/policy-store';
import { t, todayIso } from '../shared/format';
import { findEntry, vendorModel, type PageData } from '../ui/model';
import { DatasetLine, VendorView } from '../ui/VendorView';
import { NotRestrictedView, ReportedLinkView } from '../ui/EntryViews';
import { Logo } from '../ui/Logo';
import '../shared/page.css';
import '../ui/ui.css';
import './details.css';

const id = new URLSearchParams(location.search).get('vendor') ?? '';

function go(vendorId: string): void {
  location.search = `?vendor=${encodeURIComponent(vendorId)}`;
}

function Body({ data }: { data: PageData }) {
  const entry = findEntry(id, data);
  if (!entry) {
    document.title = `${t('detailsUnknownTitle')} — BanWatch`;
    return (
      <section class="block">
        <h1 id="vendor-title">{t('detailsUnknownTitle')}</h1>
        <p>{t('detailsUnknownBody')}</p>
      </section>
    );
  }
  if (entry.kind === 'not-restricted') {
    document.title = `${entry.item.name} — BanWatch`;
    return <NotRestrictedView item={entry.item} titleTag="h1" />;
  }
  if (entry.kind === 'reported-link') {
    document.title = `${entry.item.name} — BanWatch`;
    return <ReportedLinkView item={entry.item} onOpenVendor={go} titleTag="h1" />;
  }
  document.title = `${entry.vendor.name} — ${t('actionDetails')} — BanWatch`;
  return <VendorView vendor={entry.vendor} origin={entry.origin} model={vendorModel(entry.vendor, entry.origin, data)} data={data} full titleTag="h1" />;
}

function App() {
  const [data, setData] = useState<PageData | null>(null);
  useEffect(() => {
    void Promise.all([loadSettings(), loadOrgList().catch(() => ({ vendors: [], rulings: [] }))]).then(([settings, org]) =>
      setData({ settings, orgVendors: org.vendors, orgRulings: org.rulings, today: todayIso() }),
    );
  }, []);
  return (
    <>
      <header class="bar">
        <div class="bar-in">
          <Logo size={26} />
          <span class="brand">BanWatch</span>
          <span class="muted">{t('actionDetails')}</span>
          <button type="button" class="btn print-btn" onClick={() => window.print()}>
            {t('detailsPrint')}
          </button>
        </div>
      </header>
      <main class="page" aria-labelledby="vendor-title">
        {data ? <Body data={data} /> : null}
      </main>
      <footer class="page foot">
        <DatasetLine />
      </footer>
    </>
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
render(<App />, document.getElementById('app')!);
