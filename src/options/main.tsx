// The options page: every setting, every banner action reversible, backup and restore, the
// decision log, and the data's version. Settings apply as soon as they change (content scripts
// and the background listen to storage.onChanged). Keys the administrator enforces are shown
// locked; the administrator's allowlisted sites are shown but cannot be removed.
import { render, type ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from '../shared/browser';
import { formatDay, t } from '../shared/format';
import { loadEffective, resetSettings, saveSettings } from '../shared/settings-store';
import { clearDecisionLog, readDecisionLog } from '../shared/decision-log-store';
import { dataset } from '../core/dataset';
import { AUTHORITIES } from '../core/dataset/schema';
import { AUDIENCES, SEVERITIES } from '../core/dataset/severity';
import { WARNING_STYLES, type Settings, type UserSettingKey } from '../core/settings';
import { toCsv, type LogEntry } from '../core/decision-log';
import { displayHost } from '../core/host';
import { buildExport, MAX_IMPORT_BYTES, parseImport } from './import';
import { ShoppingSection } from './ShoppingSection';
import '../shared/page.css';
import './options.css';

type State = Awaited<ReturnType<typeof loadEffective>>;

const msgKey = (s: string) => s.replaceAll('-', '_'); // message keys allow only [A-Za-z0-9_]
const AUTHORITY_KEY: Record<string, string> = Object.fromEntries(AUTHORITIES.map((a) => [a, msgKey(a)]));

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const today = () => new Date().toISOString().slice(0, 10);

function Locked({ id }: { id: string }) {
  return (
    <span class="locked" id={id}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12">
        <path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 1 0-4 0v2z" />
      </svg>
      {t('optionsLocked')}
    </span>
  );
}

function Section(props: { id: string; title: string; intro?: string; children: ComponentChildren }) {
  return (
    <section class="card section" aria-labelledby={`${props.id}-title`} id={props.id}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.intro && <p class="muted intro">{props.intro}</p>}
      {props.children}
    </section>
  );
}

/** A group of radio choices, each with one line on what it changes. */
function Choice<K extends 'warningStyle' | 'audience' | 'minSeverity'>(props: {
  name: K;
  legend: string;
  values: readonly Settings[K][];
  state: State;
  label: (v: Settings[K]) => ComponentChildren;
  help: (v: Settings[K]) => string;
  set: (patch: Partial<Settings>) => void;
}) {
  const { name, state } = props;
  const locked = state.locked.includes(name);
  const fromAdmin = state.fromPolicyDefault.includes(name);
  return (
    <fieldset class="choices" aria-describedby={locked ? `${name}-locked` : undefined}>
      <legend>
        {props.legend} {locked && <Locked id={`${name}-locked`} />}
        {fromAdmin && <span class="hint">{t('optionsOrgDefault')}</span>}
      </legend>
      {props.values.map((v) => {
        const id = `${name}-${v}`;
        return (
          <label class={`choice${state.settings[name] === v ? ' selected' : ''}${locked ? ' disabled' : ''}`} key={v} for={id}>
            <input
              type="radio"
              id={id}
              name={name}
              value={v}
              checked={state.settings[name] === v}
              disabled={locked}
              aria-describedby={`${id}-help`}
              onChange={() => props.set({ [name]: v } as Partial<Settings>)}
            />
            <span class="choice-text">
              <span class="choice-label">{props.label(v)}</span>
              <span class="choice-help muted" id={`${id}-help`}>
                {props.help(v)}
              </span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}

function Toggle(props: { name: UserSettingKey; label: string; help: string; state: State; set: (patch: Partial<Settings>) => void }) {
  const { name, state } = props;
  const locked = state.locked.includes(name);
  const id = `toggle-${name}`;
  return (
    <div class={`toggle${locked ? ' disabled' : ''}`}>
      <input
        type="checkbox"
        role="switch"
        id={id}
        checked={state.settings[name] as boolean}
        disabled={locked}
        aria-describedby={`${id}-help${locked ? ` ${id}-locked` : ''}`}
        onChange={(e) => props.set({ [name]: (e.currentTarget as HTMLInputElement).checked } as Partial<Settings>)}
      />
      <span class="toggle-text">
        <label for={id} class="toggle-label">
          {props.label}
        </label>{' '}
        {locked && <Locked id={`${id}-locked`} />}
        <span class="muted toggle-help" id={`${id}-help`}>
          {props.help}
        </span>
      </span>
    </div>
  );
}

/** A list with a remove button per row (undoing a banner action), or an empty-state line. */
function RemovableList(props: {
  id: string;
  title: string;
  empty: string;
  rows: { key: string; label: ComponentChildren; detail?: string; locked?: boolean; removeLabel: string; onRemove: () => void }[];
  disabled?: boolean;
}) {
  return (
    <div class="list-block" id={props.id}>
      <h3 id={`${props.id}-title`}>{props.title}</h3>
      {props.rows.length === 0 ? (
        <p class="muted empty">{props.empty}</p>
      ) : (
        <ul class="rows" aria-labelledby={`${props.id}-title`}>
          {props.rows.map((r) => (
            <li key={r.key} class="row">
              <span class="row-main">
                <span class="row-label">{r.label}</span>
                {r.detail && <span class="muted small">{r.detail}</span>}
              </span>
              {r.locked ? (
                <Locked id={`${props.id}-${r.key}-locked`} />
              ) : (
                <button type="button" class="btn small-btn" aria-label={r.removeLabel} disabled={props.disabled} onClick={r.onRemove}>
                  {t('optionsRemove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function vendorName(id: string): string {
  return dataset.vendors.find((v) => v.id === id)?.name ?? id;
}

function App() {
  const [state, setState] = useState<State | null>(null);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [status, setStatus] = useState('');
  const [importErrors, setImportErrors] = useState<string[]>([]);
  const [confirmReset, setConfirmReset] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const cancelReset = useRef<HTMLButtonElement>(null);

  const refresh = useCallback(async () => {
    const [s, l] = await Promise.all([loadEffective(), readDecisionLog()]);
    setState(s);
    setLog(l);
  }, []);

  useEffect(() => {
    void refresh();
    // Banner actions in other tabs, another device (sync) or the administrator change settings too.
    const listener = (_c: unknown, area: string) => {
      if (area === 'sync' || area === 'local' || area === 'managed') void refresh();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [refresh]);

  useEffect(() => {
    if (confirmReset) cancelReset.current?.focus();
  }, [confirmReset]);

  if (!state) return <p class="loading">{t('optionsLoading')}</p>;
  const s = state.settings;
  const dataLocked = state.locked;

  const set = async (patch: Partial<Settings>, message = t('optionsSaved')) => {
    setStatus('');
    // Show the change at once (controlled inputs would otherwise snap back until the save lands).
    setState((prev) => (prev ? { ...prev, settings: { ...prev.settings, ...patch } } : prev));
    try {
      await saveSettings(patch);
      setStatus(message);
    } catch {
      setStatus(t('optionsSaveFailed'));
    }
    await refresh();
  };

  const onExport = () => {
    download(`banwatch-settings-${today()}.json`, 'application/json', buildExport(s, { locked: dataLocked, adminSites: state.adminSites }));
    setStatus(t('optionsExported'));
  };

  const onImportFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // the same file may be chosen again after fixing it
    if (!file) return;
    setStatus('');
    const result = file.size > MAX_IMPORT_BYTES ? parseImport('', file.size) : parseImport(await file.text(), file.size);
    if (result.errors.length || !result.settings) {
      setImportErrors(result.errors);
      return;
    }
    setImportErrors([]);
    const skipped = Object.keys(result.settings).filter((k) => dataLocked.includes(k as UserSettingKey));
    await set(result.settings, skipped.length ? t('optionsImportedLocked', skipped.join(', ')) : t('optionsImported'));
  };

  const onReset = async () => {
    await resetSettings();
    setConfirmReset(false);
    setImportErrors([]);
    setStatus(t('optionsResetDone'));
    await refresh();
    resetButton.current?.focus();
  };

  const adminSites = new Set(state.adminSites);
  const snoozed = Object.entries(s.snoozed);
  const meta = dataset.meta;
  const orgVendors = state.policy.organisationVendors;
  const managed = dataLocked.length > 0 || state.fromPolicyDefault.length > 0 || adminSites.size > 0 || orgVendors.length > 0;
  const logLocked = dataLocked.includes('decisionLog');

  return (
    <>
      <header class="top">
        <div class="top-inner">
          <img src="/icons/icon-48.png" alt="" width="36" height="36" />
          <div>
            <h1>{t('optionsTitle')}</h1>
            <p class="muted">{t('optionsSubtitle')}</p>
          </div>
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
          {managed && (
            <aside class="card managed" aria-labelledby="managed-title">
              <h2 id="managed-title">{t('optionsManagedTitle')}</h2>
              <p>{t('optionsManagedBody')}</p>
              {orgVendors.length > 0 && <p class="muted small">{t('optionsManagedVendors', String(orgVendors.length))}</p>}
            </aside>
          )}

          <Section id="warnings" title={t('optionsWarningsTitle')}>
            <Toggle name="enabled" label={t('optionsEnabled')} help={t('optionsEnabledHelp')} state={state} set={set} />
            <Choice
              name="warningStyle"
              legend={t('optionsStyleLegend')}
              values={WARNING_STYLES}
              state={state}
              set={set}
              label={(v) => t(`optionsStyle_${v}`)}
              help={(v) => t(`optionsStyleHelp_${v}`)}
            />
          </Section>

          <Section id="audience" title={t('optionsAudienceTitle')} intro={t('optionsAudienceIntro')}>
            <Choice
              name="audience"
              legend={t('optionsAudienceLegend')}
              values={AUDIENCES}
              state={state}
              set={set}
              label={(v) => t(`optionsAudience_${msgKey(v)}`)}
              help={(v) => t(`optionsAudienceHelp_${msgKey(v)}`)}
            />
          </Section>

          <Section id="severity" title={t('optionsSeverityTitle')} intro={t('optionsSeverityIntro')}>
            <Choice
              name="minSeverity"
              legend={t('optionsSeverityLegend')}
              values={SEVERITIES}
              state={state}
              set={set}
              label={(v) => <span class={`chip sev-${v}`}>{t(`severity_${v}`)}</span>}
              help={(v) => t(`optionsSeverityHelp_${v}`)}
            />
          </Section>

          <Section id="authorities" title={t('optionsAuthoritiesTitle')} intro={t('optionsAuthoritiesIntro')}>
            <fieldset class="grid" aria-describedby={dataLocked.includes('authorities') ? 'authorities-locked' : undefined}>
              <legend>
                {t('optionsAuthoritiesLegend')} {dataLocked.includes('authorities') && <Locked id="authorities-locked" />}
              </legend>
              {AUTHORITIES.map((a) => (
                <label class={`check${dataLocked.includes('authorities') ? ' disabled' : ''}`} key={a} for={`authority-${a}`}>
                  <input
                    type="checkbox"
                    id={`authority-${a}`}
                    checked={s.authorities[a]}
                    disabled={dataLocked.includes('authorities')}
                    aria-describedby={`authority-${a}-help`}
                    onChange={(e) => set({ authorities: { ...s.authorities, [a]: (e.currentTarget as HTMLInputElement).checked } })}
                  />
                  <span>
                    <span class="check-label">{t(`optionsAuthority_${AUTHORITY_KEY[a]}`)}</span>
                    <span class="muted small block" id={`authority-${a}-help`}>
                      {t(`optionsAuthorityHelp_${AUTHORITY_KEY[a]}`)}
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
          </Section>

          <ShoppingSection />

          <Section id="exceptions" title={t('optionsExceptionsTitle')} intro={t('optionsExceptionsIntro')}>
            <RemovableList
              id="allowed-sites"
              title={t('optionsAllowedTitle')}
              empty={t('optionsAllowedEmpty')}
              disabled={dataLocked.includes('allowedSites')}
              rows={s.allowedSites.map((h) => ({
                key: h,
                label: displayHost(h),
                detail: adminSites.has(h) ? t('optionsAllowedByOrg') : undefined,
                locked: adminSites.has(h) || dataLocked.includes('allowedSites'),
                removeLabel: t('optionsRemoveSite', displayHost(h)),
                onRemove: () => set({ allowedSites: s.allowedSites.filter((x) => x !== h) }, t('optionsRemovedSite', displayHost(h))),
              }))}
            />
            <RemovableList
              id="hidden-vendors"
              title={t('optionsHiddenTitle')}
              empty={t('optionsHiddenEmpty')}
              rows={s.hiddenVendors.map((id) => ({
                key: id,
                label: vendorName(id),
                locked: dataLocked.includes('hiddenVendors'),
                removeLabel: t('optionsRemoveVendor', vendorName(id)),
                onRemove: () => set({ hiddenVendors: s.hiddenVendors.filter((x) => x !== id) }, t('optionsRemovedVendor', vendorName(id))),
              }))}
            />
            <RemovableList
              id="snoozed"
              title={t('optionsSnoozedTitle')}
              empty={t('optionsSnoozedEmpty')}
              rows={snoozed.map(([id]) => ({
                key: id,
                label: vendorName(id),
                detail: t('optionsSnoozedDetail'),
                locked: dataLocked.includes('snoozed'),
                removeLabel: t('optionsRemoveSnooze', vendorName(id)),
                onRemove: () => {
                  const next = { ...s.snoozed };
                  delete next[id];
                  void set({ snoozed: next }, t('optionsRemovedSnooze', vendorName(id)));
                },
              }))}
            />
          </Section>

          <Section id="log" title={t('optionsLogTitle')} intro={t('optionsLogIntro')}>
            <Toggle name="decisionLog" label={t('optionsLogEnabled')} help={t('optionsLogEnabledHelp')} state={state} set={set} />
            <p class="muted">{t('optionsLogCount', String(log.length))}</p>
            {log.length > 0 && (
              <div class="table-wrap">
                <table>
                  <caption class="sr-only">{t('optionsLogCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('optionsLogTime')}</th>
                      <th scope="col">{t('optionsLogSite')}</th>
                      <th scope="col">{t('optionsLogVendor')}</th>
                      <th scope="col">{t('optionsLogRuling')}</th>
                      <th scope="col">{t('optionsLogAction')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {log
                      .slice(-10)
                      .reverse()
                      .map((e, i) => (
                        <tr key={`${e.time}-${i}`}>
                          <td>{new Date(e.time).toLocaleString()}</td>
                          <td>{displayHost(e.host)}</td>
                          <td>{e.vendorName}</td>
                          <td>{e.ruling}</td>
                          <td>{t(`optionsLogAction_${msgKey(e.action)}`)}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            )}
            <div class="actions">
              <button type="button" class="btn" disabled={log.length === 0} onClick={() => download(`banwatch-decisions-${today()}.csv`, 'text/csv', toCsv(log))}>
                {t('optionsLogExport')}
              </button>
              {!logLocked && (
                <button
                  type="button"
                  class="btn"
                  disabled={log.length === 0}
                  onClick={async () => {
                    await clearDecisionLog();
                    setStatus(t('optionsLogCleared'));
                    await refresh();
                  }}
                >
                  {t('optionsLogClear')}
                </button>
              )}
            </div>
          </Section>

          <Section id="backup" title={t('optionsBackupTitle')} intro={t('optionsBackupIntro')}>
            <div class="actions">
              <button type="button" class="btn" onClick={onExport}>
                {t('optionsExport')}
              </button>
              <button type="button" class="btn" onClick={() => fileInput.current?.click()}>
                {t('optionsImport')}
              </button>
              <input
                ref={fileInput}
                id="import-file"
                class="sr-only"
                type="file"
                accept="application/json,.json"
                aria-label={t('optionsImportFile')}
                tabIndex={-1}
                onChange={(e) => void onImportFile(e)}
              />
              <button type="button" class="btn danger" ref={resetButton} aria-expanded={confirmReset} aria-controls="reset-confirm" onClick={() => setConfirmReset(true)}>
                {t('optionsReset')}
              </button>
            </div>
            {importErrors.length > 0 && (
              <div class="problems" role="alert" id="import-errors">
                <h3>{t('optionsImportFailed')}</h3>
                <ul>
                  {importErrors.slice(0, 50).map((e, i) => (
                    <li key={i}>{e}</li>
                  ))}
                </ul>
                {importErrors.length > 50 && <p>{t('optionsImportMore', String(importErrors.length - 50))}</p>}
              </div>
            )}
            {confirmReset && (
              <div class="confirm" id="reset-confirm" role="group" aria-labelledby="reset-confirm-title">
                <h3 id="reset-confirm-title">{t('optionsResetConfirmTitle')}</h3>
                <p>{t('optionsResetConfirmBody')}</p>
                <div class="actions">
                  <button type="button" class="btn danger-solid" onClick={() => void onReset()}>
                    {t('optionsResetConfirm')}
                  </button>
                  <button
                    type="button"
                    class="btn"
                    ref={cancelReset}
                    onClick={() => {
                      setConfirmReset(false);
                      resetButton.current?.focus();
                    }}
                  >
                    {t('optionsCancel')}
                  </button>
                </div>
              </div>
            )}
          </Section>

          <Section id="data" title={t('optionsDataTitle')}>
            <dl class="facts">
              <dt>{t('optionsDataVersion')}</dt>
              <dd>{meta.version}</dd>
              <dt>{t('optionsDataReviewed')}</dt>
              <dd>
                <time dateTime={meta.reviewedOn}>{formatDay(meta.reviewedOn)}</time>
              </dd>
              <dt>{t('optionsDataCounts')}</dt>
              <dd>{t('optionsDataCountsValue', [String(dataset.vendors.length), String(dataset.rulings.length)])}</dd>
              {orgVendors.length > 0 && (
                <>
                  <dt>{t('optionsDataOrg')}</dt>
                  <dd>{orgVendors.map((v) => v.name).join(', ')}</dd>
                </>
              )}
            </dl>
            <h3>{t('optionsChangelog')}</h3>
            <ol class="changelog">
              {meta.changelog.map((c) => (
                <li key={c.version}>
                  <p>
                    <strong>{c.version}</strong> · <time dateTime={c.date}>{formatDay(c.date)}</time>
                  </p>
                  <ul>
                    {c.changes.map((x, i) => (
                      <li key={i}>{x}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
            {state.policy.problems.length > 0 && (
              <details class="policy-problems">
                <summary>{t('optionsPolicyProblems', String(state.policy.problems.length))}</summary>
                <ul>
                  {state.policy.problems.map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                </ul>
              </details>
            )}
          </Section>
        </div>
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
