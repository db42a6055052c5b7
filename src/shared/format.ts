// Small formatting helpers shared by the banner, popup, details and warning pages. Every string
// a user reads comes from _locales through `t`.
import type { RulingView } from '../core/verdict';

type GetMessage = (key: string, subs?: string | string[]) => string;

const i18n = (): { getMessage: GetMessage; getUILanguage: () => string } =>
  ((globalThis as unknown as { chrome?: { i18n: never } }).chrome?.i18n ??
    (globalThis as unknown as { browser: { i18n: never } }).browser.i18n) as never;

/** A value such as an audience or effect id as part of a message key: keys allow only [A-Za-z0-9_]. */
export const msgKey = (s: string) => s.replaceAll('-', '_');

/** A localised string; the key itself when missing, so a gap is visible rather than blank. */
export function t(key: string, subs?: string | string[]): string {
  return i18n().getMessage(key, subs) || key;
}

// One formatter per page: building an Intl.DateTimeFormat costs about a millisecond, and the
// details page formats dozens of dates (it was the largest script cost of its first render).
let dayFormat: Intl.DateTimeFormat | undefined;

/** "20 Jul 2024" in the user's locale, from an ISO day. */
export function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  dayFormat ??= new Intl.DateTimeFormat(i18n().getUILanguage(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return dayFormat.format(date);
}

/** One line naming what the ruling does and since when, e.g. "Sales banned in the US since 20 Jul 2024". */
export function effectLine(r: Pick<RulingView, 'effect' | 'since' | 'state'>): string {
  if (r.state === 'paused' || r.state === 'proposed') return t(`state_${r.state}`);
  const effect = msgKey(r.effect);
  if (!r.since || r.state === 'upcoming') return t(`effectNoDate_${effect}`);
  return t(`effect_${effect}`, formatDay(r.since));
}

/** Only http(s) links are ever rendered, whatever the data says. */
export function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}
