// The options page: every setting, every banner action reversible, backup and restore, the
// decision log, and the data's version. Settings apply as soon as they change (the background
// listens to storage.onChanged and updates open tabs). Keys the administrator enforces are shown
// locked; the administrator's allowlisted sites are shown but cannot be removed; settings the
// browser's sync storage refused are named.
// This file is the page shell; each section is in sections/, the state in use-options.ts.
import { render } from 'preact';
import { t } from '../shared/format';
import { useOptions } from './use-options';
import { WarningsSection } from './sections/WarningsSection';
import { AudienceSection } from './sections/AudienceSection';
import { SeveritySection } from './sections/SeveritySection';
import { AuthoritiesSection } from './sections/AuthoritiesSection';
import { ShoppingSection } from './sections/ShoppingSection';
import { ExceptionsSection } from './sections/ExceptionsSection';
import { DecisionLogSection } from './sections/DecisionLogSection';
import { BackupSection } from './sections/BackupSection';
import { AboutDataSection } from './sections/AboutDataSection';
import { UpdatesSection } from './sections/UpdatesSection';
import '../shared/page.css';
import './options.css';

function App() {
  const { state, log, status, setStatus, set, refresh } = useOptions();

  if (!state) return <p class="loading">{t('optionsLoading')}</p>;

  const orgVendors = state.policy.organisationVendors;
  const managed = state.locked.length > 0 || state.fromPolicyDefault.length > 0 || state.adminSites.length > 0 || orgVendors.length > 0;

  return (
    <>
      <header class="top">
        <div class="top-inner">
          <img src="/icons/icon-48.png" alt="" width="36" height="36" />
          <div>
            <h1>{t('optionsTitle')}</h1>
            <p class="muted">{t('optionsSubtitle')}</p>
          </div>
          <a class="btn screen-link" href="/src/screen/index.html" target="_blank" rel="noopener">
            {t('optionsScreenLink')}
          </a>
        </div>
      </header>
      <main class="layout">
        <nav class="toc" aria-label={t('optionsContents')}>
          <ul>
            {(
              [
                ['warnings', 'optionsWarningsTitle'],
                ['audience', 'optionsAudienceTitle'],
                ['severity', 'optionsSeverityTitle'],
                ['authorities', 'optionsAuthoritiesTitle'],
                ['shopping', 'shopSectionTitle'],
                ['exceptions', 'optionsExceptionsTitle'],
                ['log', 'optionsLogTitle'],
                ['backup', 'optionsBackupTitle'],
                ['updates', 'optionsUpdatesTitle'],
                ['data', 'optionsDataTitle'],
              ] as const
            ).map(([id, key]) => (
              <li key={id}>
                <a href={`#${id}`}>{t(key)}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="content">
          <p class="status" role="status" aria-live="polite">
            {status}
          </p>
          {state.localOnly.length > 0 && (
            <aside class="card managed" aria-labelledby="not-synced-title" id="not-synced">
              <h2 id="not-synced-title">{t('optionsNotSyncedTitle')}</h2>
              <p>{t('optionsNotSyncedBody', state.localOnly.map((k) => t(`optionsSettingName_${k}`)).join(', '))}</p>
            </aside>
          )}
          {managed && (
            <aside class="card managed" aria-labelledby="managed-title">
              <h2 id="managed-title">{t('optionsManagedTitle')}</h2>
              <p>{t('optionsManagedBody')}</p>
              {orgVendors.length > 0 && <p class="muted small">{t('optionsManagedVendors', String(orgVendors.length))}</p>}
            </aside>
          )}
          <WarningsSection state={state} set={set} />
          <AudienceSection state={state} set={set} />
          <SeveritySection state={state} set={set} />
          <AuthoritiesSection state={state} set={set} />
          <ShoppingSection />
          <ExceptionsSection state={state} set={set} />
          <DecisionLogSection state={state} set={set} log={log} setStatus={setStatus} refresh={refresh} />
          <BackupSection state={state} set={set} setStatus={setStatus} refresh={refresh} />
          <UpdatesSection state={state} set={set} />
          <AboutDataSection state={state} />
        </div>
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
