// Strict mode: shown instead of a vendor's site. Strict mode's rules send the browser here
// before it asks the vendor's server for anything, as `<this page>#<the original URL>` (the URL as
// the browser had it, unencoded: everything after the first `#`). `?loaded` marks the fallback
// for a page the rules could not stop (it had already opened). Names the vendor and the ruling,
// shows the exact address, and lets the user go back or proceed (this time in this tab, or always
// for this site). The decision goes to the background, which checks and logs it.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser';
import type { Replies } from '../shared/messages';
import { send } from '../shared/send';
import { effectLine, t } from '../shared/format';
import { displayHost } from '../core/host';
import { detailsUrl, targetOf } from '../shared/pages';
import { HostAccessNotice } from '../ui/HostAccessNotice';
import '../shared/page.css';
import './warning.css';

const target = targetOf(location.href);
const loaded = new URLSearchParams(location.search).has('loaded');

async function closeTab(): Promise<void> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
}

/**
 * Back to the page before the vendor's. The rules' redirect kept the vendor page out of history,
 * so that is one step; after the fallback the vendor page is in history, one step further. With
 * nothing to go back to (a new tab, a link opened in a new window) the tab is closed.
 */
function back(): void {
  const steps = loaded ? 2 : 1;
  if (history.length > steps) history.go(-steps);
  else void closeTab();
}

function App() {
  const [reply, setReply] = useState<Replies['ui-bg-warning'] | undefined>(undefined);
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    void send({ type: 'ui-bg-warning', url: target }).then(setReply);
  }, []);

  async function proceed(remember: boolean): Promise<void> {
    const { ok } = await send({ type: 'ui-bg-proceed', url: target, remember });
    if (ok) location.replace(target);
    else setRefused(true);
  }

  if (reply === undefined) return null;
  const w = reply?.warning;
  if (!reply || !w) {
    return (
      <section class="card">
        <h1>{t('warningNoneTitle')}</h1>
        <p>{t('warningNoneBody')}</p>
        <p class="target mono">{target}</p>
      </section>
    );
  }
  const r = w.rulings[0]!;
  const host = displayHost(reply.host);
  return (
    <section class={`card top-${w.severity}`} aria-labelledby="title">
      <p class="eyebrow">
        <span class={`chip sev-${w.severity}`}>{t(`severity_${w.severity}`)}</span> {t('warningEyebrow')}
      </p>
      <h1 id="title">{t('warningTitle', [host, w.vendorName])}</h1>
      <p class="line">
        {effectLine(r)} — {r.shortName} ({r.agency})
      </p>
      <p>{r.forYou}</p>
      <div class="target-box">
        <p class="target-label">{t(loaded ? 'warningTargetLoaded' : 'warningTargetStopped')}</p>
        <p class="target mono">{target}</p>
      </div>
      {loaded && (
        <div class="loaded-note" role="note">
          <p>{t('warningLoadedNote')}</p>
          <HostAccessNotice url={target} />
        </div>
      )}
      <div class="actions">
        <button class="btn primary" type="button" onClick={back} autoFocus>
          {t('warningBack')}
        </button>
        <button class="btn" type="button" onClick={() => void proceed(false)} aria-describedby="once-help">
          {t('warningProceedOnce')}
        </button>
        {!reply.allowLocked && (
          <button class="btn" type="button" onClick={() => void proceed(true)} aria-describedby="always-help">
            {t('warningProceedAlways', host)}
          </button>
        )}
      </div>
      <ul class="choice-help small muted">
        <li id="once-help">{t('warningProceedOnceHelp', host)}</li>
        {!reply.allowLocked && <li id="always-help">{t('warningProceedAlwaysHelp', host)}</li>}
      </ul>
      {refused && (
        <p class="refused" role="alert">
          {t('warningRefused')}
        </p>
      )}
      <p class="foot small">
        <a href={detailsUrl(w.vendorId)}>{t('warningDetailsLink')}</a>
        <span class="muted"> · {t('warningStrictNote')}</span>
      </p>
    </section>
  );
}

// Strict mode's redirect lands here on behalf of the site that started the navigation; with
// use_dynamic_url that site may not open this page itself, so a later Back to this history entry
// would be refused (an error page). Reloading it once as this page's own navigation makes the
// entry ours.
const params = new URLSearchParams(location.search);
if (!params.has('here')) {
  params.set('here', '');
  location.replace(`${location.pathname}?${params.toString().replace(/=(&|$)/g, '$1')}${location.hash}`);
} else {
  document.documentElement.lang = browser.i18n.getUILanguage();
  render(<App />, document.getElementById('app')!);
}
