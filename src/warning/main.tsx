// Strict mode: shown instead of a vendor's site. Names the vendor and the ruling, and lets the
// user go back or proceed (once, or always for this site). The decision goes to the background.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser';
import type { Replies } from '../shared/messages';
import { send } from '../shared/send';
import { effectLine, t } from '../shared/format';
import { displayHost } from '../core/host';
import { detailsUrl } from '../shared/pages';
import '../shared/page.css';
import './warning.css';

const target = new URLSearchParams(location.search).get('url') ?? '';

async function proceed(remember: boolean): Promise<void> {
  const { ok } = await send({ type: 'ui-bg-proceed', url: target, remember });
  if (ok) location.replace(target);
}

function back(): void {
  // The vendor page we replaced is one entry back; going there would only bring us here again.
  if (history.length > 2) history.go(-2);
  else
    void browser.tabs.getCurrent().then(async (tab) => {
      if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
    });
}

function App() {
  const [reply, setReply] = useState<Replies['ui-bg-warning'] | undefined>(undefined);
  useEffect(() => {
    void send({ type: 'ui-bg-warning', url: target }).then(setReply);
  }, []);
  if (reply === undefined) return null;
  const w = reply?.warning;
  if (!reply || !w) {
    return (
      <section class="card">
        <h1>{t('warningNoneTitle')}</h1>
        <p>{t('warningNoneBody')}</p>
      </section>
    );
  }
  const r = w.rulings[0]!;
  return (
    <section class={`card top-${w.severity}`} aria-labelledby="title">
      <p class="eyebrow">
        <span class={`chip sev-${w.severity}`}>{t(`severity_${w.severity}`)}</span> {t('warningEyebrow')}
      </p>
      <h1 id="title">{t('warningTitle', [displayHost(reply.host), w.vendorName])}</h1>
      <p class="line">
        {effectLine(r)} — {r.shortName} ({r.agency})
      </p>
      <p>{r.forYou}</p>
      <p>
        <a href={detailsUrl(w.vendorId)}>{t('warningDetailsLink')}</a>
      </p>
      <div class="actions">
        <button class="btn primary" type="button" onClick={back} autoFocus>
          {t('warningBack')}
        </button>
        <button class="btn" type="button" onClick={() => void proceed(false)}>
          {t('warningProceedOnce')}
        </button>
        <button class="btn" type="button" onClick={() => void proceed(true)}>
          {t('warningProceedAlways')}
        </button>
      </div>
      <p class="muted small">{t('warningStrictNote')}</p>
    </section>
  );
}

render(<App />, document.getElementById('app')!);
