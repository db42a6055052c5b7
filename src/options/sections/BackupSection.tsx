// Options: backup and restore — export the settings to a file, import them from one, reset them.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/format';
import { resetSettings } from '../../shared/settings-store';
import { send } from '../../shared/send';
import type { UserSettingKey } from '../../core/settings';
import { Section } from '../controls';
import { download } from '../../shared/download';
import { today } from '../../core/dates';
import { buildExport, MAX_IMPORT_BYTES, parseImport } from '../../core/settings-file';
import type { SettingsProps } from '../use-options';

export function BackupSection(props: SettingsProps & { setStatus: (status: string) => void; refresh: () => Promise<void> }) {
  const { state, set, setStatus, refresh } = props;
  const [importErrors, setImportErrors] = useState<string[]>([]);
  const [confirmReset, setConfirmReset] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const cancelReset = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirmReset) cancelReset.current?.focus();
  }, [confirmReset]);

  const onExport = () => {
    download(`banwatch-settings-${today()}.json`, 'application/json', buildExport(state.settings, { locked: state.locked, adminSites: state.adminSites }));
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
    const skipped = Object.keys(result.settings).filter((k) => state.locked.includes(k as UserSettingKey));
    await set(result.settings, skipped.length ? t('optionsImportedLocked', skipped.join(', ')) : t('optionsImported'), 'import');
  };

  const onReset = async () => {
    const logWasOn = state.settings.decisionLog;
    const changed = await resetSettings();
    // On the record (decision log): which settings the reset changed, never an enforced one.
    if (changed.length) await send({ type: 'ui-bg-settings-changed', source: 'reset', keys: changed, logWasOn }).catch(() => undefined);
    setConfirmReset(false);
    setImportErrors([]);
    setStatus(t('optionsResetDone'));
    await refresh();
    resetButton.current?.focus();
  };

  return (
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
  );
}
