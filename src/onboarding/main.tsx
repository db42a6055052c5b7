// Onboarding: opened by the background on install when the browser has not granted the content
// script's host permissions (Firefox MV3). Explains why BanWatch needs them and asks with one
// button; the request names exactly the content script's match patterns, nothing more.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser';
import { t } from '../shared/format';
import { allVendorAccessGranted, contentScriptOrigins, requestVendorAccess } from '../shared/host-access';
import '../shared/page.css';
import './onboarding.css';

type State = 'unknown' | 'asking' | 'granted' | 'refused';

const domains = contentScriptOrigins().map((o) => o.replace(/^\*:\/\/\*\./, '').replace(/\/\*$/, ''));

function App() {
  const [state, setState] = useState<State>('unknown');
  useEffect(() => {
    void allVendorAccessGranted().then((ok) => setState(ok ? 'granted' : 'asking'));
  }, []);

  function allow(): void {
    // Straight from the click: Firefox only shows the prompt during a user action.
    requestVendorAccess().then(
      (ok) => setState(ok ? 'granted' : 'refused'),
      () => setState('refused'),
    );
  }

  return (
    <section class="card" aria-labelledby="title">
      <h1 id="title">{t('onboardingTitle')}</h1>
      <p>{t('onboardingIntro')}</p>
      <h2>{t('onboardingWhatTitle')}</h2>
      <p>{t('onboardingWhat', String(domains.length))}</p>
      <details>
        <summary>{t('onboardingShowDomains')}</summary>
        <ul>
          {domains.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      </details>
      <h2>{t('onboardingPrivacyTitle')}</h2>
      <p>{t('onboardingPrivacy')}</p>
      {state !== 'granted' && (
        <div class="actions">
          <button type="button" class="btn primary" id="allow" onClick={allow} disabled={state === 'unknown'}>
            {t('onboardingAllow')}
          </button>
        </div>
      )}
      <p class={`status ${state === 'granted' ? 'ok' : state === 'refused' ? 'no' : ''}`} role="status" aria-live="polite">
        {state === 'granted' ? t('onboardingGranted') : state === 'refused' ? t('onboardingRefused') : ''}
      </p>
    </section>
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
render(<App />, document.getElementById('app')!);
