// Full ruling context for one vendor: src/details/index.html?vendor=<id> (opened by the banner's
// "Full ruling context" button and by the popup). The same VendorView as the popup, in full:
// every ruling expanded, every domain with its evidence, aliases, exclusions, reported links and
// the dataset's version. Also answers for not-restricted entries and reported links. Printable.
import { render } from 'preact';
import browser from '../shared/browser';
import { verdict, type VerdictInputs } from '../core/verdict';
import type { UserSettingKey } from '../core/settings';
import { t } from '../shared/format';
import { loadPageContext } from '../shared/page-context';
import { prefetchRecord } from '../shared/dataset-source';
import { useInputs, usePageContext } from '../ui/use-context';
import { DatasetLine, VendorView } from '../ui/VendorView';
import { NotRestrictedView, ReportedLinkView } from '../ui/EntryViews';
import { Logo } from '../ui/Logo';
import { SilenceControls } from '../ui/SilenceControls';
import '../shared/page.css';
import '../ui/ui.css';
import './details.css';

const id = new URLSearchParams(location.search).get('vendor') ?? '';
// Both reads start before the first render, side by side: settings and policy, and the entry's record.
const pageStart = loadPageContext();
prefetchRecord(id);

function go(vendorId: string): void {
  location.search = `?vendor=${encodeURIComponent(vendorId)}`;
}

function Body({ ctx, locked }: { ctx: VerdictInputs; locked: readonly UserSettingKey[] }) {
  const v = verdict(ctx, { id });
  if (v.kind === 'none') {
    document.title = `${t('detailsUnknownTitle')} — BanWatch`;
    return (
      <section class="block">
        <h1 id="vendor-title">{t('detailsUnknownTitle')}</h1>
        <p>{t('detailsUnknownBody')}</p>
      </section>
    );
  }
  if (v.kind === 'not-restricted') {
    document.title = `${v.item.name} — BanWatch`;
    return <NotRestrictedView item={v.item} titleTag="h1" />;
  }
  if (v.kind === 'reported-link') {
    document.title = `${v.item.name} — BanWatch`;
    return <ReportedLinkView item={v.item} vendor={v.linkedVendor} onOpenVendor={go} titleTag="h1" />;
  }
  document.title = `${v.vendor.name} — ${t('actionDetails')} — BanWatch`;
  return (
    <>
      <VendorView v={v} ctx={ctx} full titleTag="h1" />
      {v.warning && v.silenced === null && <SilenceControls vendorId={v.vendor.id} vendorName={v.vendor.name} host={null} locked={locked} />}
    </>
  );
}

const SUBJECT = { id };

function App() {
  const page = usePageContext(pageStart);
  const ctx = useInputs(page, SUBJECT);
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
        {ctx && page ? <Body ctx={ctx} locked={page.state.locked} /> : null}
      </main>
      <footer class="page foot">
        <DatasetLine meta={page?.data.lean.meta} />
      </footer>
    </>
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
render(<App />, document.getElementById('app')!);
