// Options: the decision log — turning it on or off, the latest entries, export as CSV, clearing.
import { msgKey, t } from '../../shared/format';
import { clearDecisionLog } from '../../shared/decision-log-store';
import { toCsv, type LogEntry } from '../../core/decision-log';
import { displayHost } from '../../core/host';
import { Section, Toggle } from '../controls';
import { download } from '../../shared/download';
import { today } from '../../core/dates';
import type { SettingsProps } from '../use-options';

export function DecisionLogSection(props: SettingsProps & { log: LogEntry[]; setStatus: (status: string) => void; refresh: () => Promise<void> }) {
  const { state, set, log } = props;
  const logLocked = state.locked.includes('decisionLog');
  return (
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
                    <td>{e.vendorName || e.detail}</td>
                    <td>{e.ruling}</td>
                    <td>
                      {t(`optionsLogAction_${msgKey(e.action)}`)}
                      {e.source && e.source !== 'page' && <span class="muted"> {t(`optionsLogSource_${e.source}`)}</span>}
                    </td>
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
              props.setStatus(t('optionsLogCleared'));
              await props.refresh();
            }}
          >
            {t('optionsLogClear')}
          </button>
        )}
      </div>
    </Section>
  );
}
