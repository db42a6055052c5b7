// The options page's state: the effective settings and the decision log, kept fresh from storage,
// the status line, and `set`, which saves a settings change.
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser';
import { t } from '../shared/format';
import { loadEffective, saveSettings } from '../shared/settings-store';
import { readDecisionLog } from '../shared/decision-log-store';
import type { Settings } from '../core/settings';
import type { LogEntry } from '../core/decision-log';

export type State = Awaited<ReturnType<typeof loadEffective>>;

/** Saves a settings change; the status line then says `message` (or that saving failed). */
export type SetSettings = (patch: Partial<Settings>, message?: string) => Promise<void>;

/** What a section that shows and changes settings is given. */
export interface SettingsProps {
  state: State;
  set: SetSettings;
}

export function useOptions() {
  const [state, setState] = useState<State | null>(null);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [status, setStatus] = useState('');

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

  const set: SetSettings = async (patch, message = t('optionsSaved')) => {
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

  return { state, log, status, setStatus, set, refresh };
}
