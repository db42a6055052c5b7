// The options page's state: the effective settings and the decision log, kept fresh from storage
// and the policy, the status line, and `set`, which saves a settings change through the one
// settings owner (shared/settings-store.ts).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from '../shared/browser';
import { t } from '../shared/format';
import { loadSettings, updateSettings, type SettingsEdit, type SettingsState } from '../shared/settings-store';
import { onPolicyChange } from '../shared/policy-store';
import { LOG_KEY, readDecisionLog } from '../shared/decision-log-store';
import { LEGACY_KEYS, SETTING_KEYS } from '../core/settings';
import type { LogEntry } from '../core/decision-log';
import { send } from '../shared/send';

export type State = SettingsState;

/**
 * Saves a settings change; the status line then says `message` (or that saving failed). A change
 * to a list (remove one site, say) is an edit function, applied to the stored list as it is at
 * that moment, so quick successive clicks, or another tab, never undo each other.
 */
type SetSettings = (edit: SettingsEdit, message?: string, source?: 'options' | 'import') => Promise<void>;

/** What a section that shows and changes settings is given. */
export interface SettingsProps {
  state: State;
  set: SetSettings;
}

// Edits that can take a warning away, which the decision log records (with their new values).
const LOGGED_KEYS = new Set<string>(['enabled', 'warningStyle', 'audience', 'minSeverity', 'authorities', 'allowedSites', 'hiddenVendors', 'snoozed', 'decisionLog']);

// What this page shows: the settings, and the decision log.
const SHOWN = new Set<string>([...SETTING_KEYS, ...LEGACY_KEYS, LOG_KEY]);

export function useOptions() {
  const [state, setState] = useState<State | null>(null);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [status, setStatus] = useState('');

  // Edits not yet saved. A refresh that reads storage while one is in flight shows it on top, so a
  // control clicked just after another never snaps back to the stored value for a moment.
  const pending = useRef(new Map<number, SettingsEdit>());
  const nextEdit = useRef(0);

  const refresh = useCallback(async () => {
    const [s, l] = await Promise.all([loadSettings(), readDecisionLog()]);
    let settings = s.settings;
    for (const edit of pending.current.values()) settings = { ...settings, ...(typeof edit === 'function' ? edit(settings) : edit) };
    setState({ ...s, settings });
    setLog(l);
  }, []);

  useEffect(() => {
    void refresh();
    // Banner actions in other tabs, another device (sync) or the administrator change settings too.
    const listener = (changes: Record<string, unknown>, area: string) => {
      if ((area === 'sync' || area === 'local') && Object.keys(changes).some((k) => SHOWN.has(k))) void refresh();
    };
    browser.storage.onChanged.addListener(listener);
    const offPolicy = onPolicyChange(() => void refresh());
    return () => {
      browser.storage.onChanged.removeListener(listener);
      offPolicy();
    };
  }, [refresh]);

  const set: SetSettings = async (edit, message = t('optionsSaved'), source = 'options') => {
    setStatus('');
    const logWasOn = state?.settings.decisionLog ?? false;
    // Show the change at once (controlled inputs would otherwise snap back until the save lands).
    setState((prev) => (prev ? { ...prev, settings: { ...prev.settings, ...(typeof edit === 'function' ? edit(prev.settings) : edit) } } : prev));
    const id = nextEdit.current++;
    pending.current.set(id, edit);
    try {
      const written = await updateSettings(edit).finally(() => pending.current.delete(id));
      setStatus(message);
      // On the record (decision log): an import, an edit that can take a warning away, or the log switched.
      const keys = written.filter((k) => source === 'import' || LOGGED_KEYS.has(k));
      if (keys.length) await send({ type: 'ui-bg-settings-changed', source, keys, logWasOn }).catch(() => undefined);
    } catch {
      setStatus(t('optionsSaveFailed'));
    }
    await refresh();
  };

  return { state, log, status, setStatus, set, refresh };
}
