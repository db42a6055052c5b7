// The optional decision log: warnings shown, and every way a warning was taken away (proceed,
// allow a site, hide or snooze a vendor, an options edit, a settings import or reset, the
// administrator's policy), kept on this device only (never sent anywhere) so an organisation can review them for
// compliance. Pure: bounded append (a ring buffer of the most recent entries) and CSV export.
import { isPlainObject } from './values';
import { csvLines } from './csv';
import type { WarningModel } from './verdict';

const LOG_ACTIONS = [
  'warned',
  'proceeded-once',
  'proceeded-always',
  'allowed-site',
  'hid-vendor',
  'snoozed',
  'settings-changed',
  'settings-imported',
  'settings-reset',
  'policy',
] as const;
export type LogAction = (typeof LOG_ACTIONS)[number];

/** Where a decision was made: which BanWatch page, or the administrator's policy. */
const LOG_SOURCES = ['page', 'popup', 'details', 'warning', 'options', 'import', 'policy'] as const;
export type LogSource = (typeof LOG_SOURCES)[number];

export interface LogEntry {
  time: string; // ISO timestamp
  host: string;
  vendorId: string;
  vendorName: string;
  ruling: string; // the headline ruling's short name
  severity: string;
  action: LogAction;
  /** Where the decision was made ('' in entries written before sources were recorded). */
  source: LogSource | '';
  /** For settings edits: which settings, and their new values, in a few words. */
  detail: string;
}

export const MAX_ENTRIES = 1000;
/** The same warning on the same host is logged again only after this long (re-evaluations are frequent). */
export const REPEAT_WINDOW_MS = 10 * 60 * 1000;

const FIELDS: readonly (keyof LogEntry)[] = ['time', 'host', 'vendorId', 'vendorName', 'ruling', 'severity', 'action', 'source', 'detail'];
// Older entries have no source or detail: read as ''.
const OPTIONAL: ReadonlySet<keyof LogEntry> = new Set(['source', 'detail']);

const withDefaults = (r: object): Record<string, unknown> => ({ source: '', detail: '', ...r });

/** A well-formed entry (stored data is checked before use like everything else). */
export function isLogEntry(v: unknown): v is LogEntry {
  if (!isPlainObject(v)) return false;
  const r = withDefaults(v);
  return (
    FIELDS.every((f) => (OPTIONAL.has(f) && !Object.hasOwn(v, f)) || (typeof r[f] === 'string' && (r[f] as string).length <= 500)) &&
    (LOG_ACTIONS as readonly string[]).includes(r.action as string) &&
    (r.source === '' || (LOG_SOURCES as readonly string[]).includes(r.source as string)) &&
    !Number.isNaN(Date.parse(r.time as string))
  );
}

/** The stored log with anything malformed dropped, older entries completed, and the bound applied. */
export function readLog(raw: unknown): LogEntry[] {
  return Array.isArray(raw) ? raw.filter(isLogEntry).map((e) => withDefaults(e) as unknown as LogEntry).slice(-MAX_ENTRIES) : [];
}

/**
 * Appends `entry`, keeping the newest `max` entries. A "warned" entry repeating the last one for
 * the same host and vendor within REPEAT_WINDOW_MS is skipped: returns null when nothing changed.
 */
export function appendEntry(log: readonly LogEntry[], entry: LogEntry, max = MAX_ENTRIES): LogEntry[] | null {
  if (entry.action === 'warned') {
    const at = Date.parse(entry.time);
    for (let i = log.length - 1; i >= 0; i--) {
      const e = log[i]!;
      if (at - Date.parse(e.time) > REPEAT_WINDOW_MS) break;
      if (e.host === entry.host && e.vendorId === entry.vendorId && e.action === 'warned') return null;
    }
  }
  const next = [...log, entry];
  return next.length > max ? next.slice(next.length - max) : next;
}

/** A decision-log entry about a warning. */
export const warningEntry = (host: string, w: WarningModel, action: LogAction, source: LogSource | '' = ''): Omit<LogEntry, 'time'> => ({
  host,
  vendorId: w.vendorId,
  vendorName: w.vendorName,
  ruling: w.rulings[0]?.shortName ?? '',
  severity: w.severity,
  action,
  source,
  detail: '',
});

/**
 * The entry for a change made in the options page (`keys`: the settings it wrote or changed),
 * naming each setting and its value now. Null when no key names a setting.
 */
export function settingsEntry(
  action: 'settings-changed' | 'settings-imported' | 'settings-reset',
  source: LogSource,
  keys: readonly string[],
  settings: Readonly<Record<string, unknown>>,
): Omit<LogEntry, 'time'> | null {
  const named = [...new Set(keys)].filter((k) => Object.hasOwn(settings, k) && k !== 'schemaVersion');
  if (!named.length) return null;
  const detail = named.map((k) => `${k}=${JSON.stringify(settings[k])}`).join('; ').slice(0, 500);
  return { host: '', vendorId: '', vendorName: '', ruling: '', severity: '', action, source, detail };
}

const CSV_HEADER = ['time', 'host', 'vendor_id', 'vendor', 'ruling', 'severity', 'action', 'source', 'detail'];

/** The log as CSV, header first, CRLF line ends (what spreadsheets expect). */
export function toCsv(log: readonly LogEntry[]): string {
  return csvLines([CSV_HEADER, ...log.map((e) => FIELDS.map((f) => e[f]))]);
}
