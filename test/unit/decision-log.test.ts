import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/core/csv';
import { appendEntry, isLogEntry, MAX_ENTRIES, readLog, REPEAT_WINDOW_MS, settingsEntry, toCsv, type LogEntry } from '../../src/core/decision-log';
import { defaults } from '../../src/core/settings';

const entry = (i: number, over: Partial<LogEntry> = {}): LogEntry => ({
  time: new Date(Date.UTC(2026, 0, 1) + i * REPEAT_WINDOW_MS * 2).toISOString(),
  host: 'www.kaspersky.com',
  vendorId: 'kaspersky',
  vendorName: 'Kaspersky',
  ruling: 'Commerce Dept. Final Determination',
  severity: 'prohibited',
  action: 'warned',
  source: 'page',
  detail: '',
  ...over,
});

describe('appendEntry', () => {
  it('keeps only the newest entries (ring buffer)', () => {
    let log: LogEntry[] = [];
    for (let i = 0; i < MAX_ENTRIES + 25; i++) log = appendEntry(log, entry(i))!;
    expect(log).toHaveLength(MAX_ENTRIES);
    expect(log[0]).toEqual(entry(25));
    expect(log.at(-1)).toEqual(entry(MAX_ENTRIES + 24));
    expect(appendEntry([entry(0), entry(1)], entry(2), 2)).toEqual([entry(1), entry(2)]);
  });

  it('skips a repeated warning for the same host and vendor within the window', () => {
    const first = entry(0);
    const soon = { ...first, time: new Date(Date.parse(first.time) + 60_000).toISOString() };
    expect(appendEntry([first], soon)).toBeNull();
    const later = { ...first, time: new Date(Date.parse(first.time) + REPEAT_WINDOW_MS + 1).toISOString() };
    expect(appendEntry([first], later)).toHaveLength(2);
    expect(appendEntry([first], { ...soon, host: 'kaspersky.com' })).toHaveLength(2);
  });

  it('always records decisions, even right after the warning', () => {
    const first = entry(0);
    expect(appendEntry([first], { ...first, action: 'proceeded-once' })).toHaveLength(2);
    expect(appendEntry([first, { ...first, action: 'proceeded-once' }], { ...first, action: 'proceeded-once' })).toHaveLength(3);
  });
});

describe('readLog', () => {
  it('drops malformed entries and applies the bound', () => {
    expect(readLog('junk')).toEqual([]);
    expect(readLog([entry(0), { ...entry(1), action: 'hacked' }, { ...entry(2), time: 'yesterday' }, null, 5, { ...entry(3), host: 7 }])).toEqual([entry(0)]);
    expect(readLog(Array.from({ length: MAX_ENTRIES + 5 }, (_, i) => entry(i)))).toHaveLength(MAX_ENTRIES);
    expect(isLogEntry({ ...entry(0), host: 'x'.repeat(501) })).toBe(false);
  });
});

describe('silencing entries', () => {
  it('accepts every silencing action with its source, and reads entries written before sources existed', () => {
    for (const action of ['allowed-site', 'hid-vendor', 'snoozed', 'settings-changed', 'settings-imported', 'settings-reset', 'policy'] as const) {
      expect(isLogEntry(entry(0, { action, source: 'popup' })), action).toBe(true);
    }
    const { source: _s, detail: _d, ...old } = entry(0);
    expect(readLog([old])).toEqual([entry(0, { source: '', detail: '' })]);
    expect(isLogEntry({ ...entry(0), source: 'the vendor page' })).toBe(false);
    expect(isLogEntry({ ...entry(0), detail: 5 })).toBe(false);
    expect(isLogEntry(Object.assign(Object.create({ injected: true }) as object, entry(0)))).toBe(false); // plain objects only
  });

  it('never skips a silencing entry as a repeat (each choice is on the record once, by its caller)', () => {
    const first = entry(0, { action: 'hid-vendor', source: 'popup' });
    expect(appendEntry([first], { ...first })).toHaveLength(2);
  });

  it('exports settings details as one quoted CSV cell', () => {
    const csv = toCsv([entry(0, { action: 'settings-imported', source: 'import', host: '', detail: 'allowedSites=["a.com","b.com"]; enabled=false' })]);
    expect(csv.split('\r\n')[1]).toBe(`${entry(0).time},,kaspersky,Kaspersky,Commerce Dept. Final Determination,prohibited,settings-imported,import,"allowedSites=[""a.com"",""b.com""]; enabled=false"`);
  });
});

describe('settingsEntry (an options edit, import or reset)', () => {
  const settings = { ...defaults, audience: 'business', allowedSites: ['intranet.example.com'], enabled: true } as Record<string, unknown>;

  it('names each changed setting with its value now, once, and is a valid entry', () => {
    const e = settingsEntry('settings-reset', 'options', ['audience', 'allowedSites', 'audience'], settings);
    expect(e).toEqual({ host: '', vendorId: '', vendorName: '', ruling: '', severity: '', action: 'settings-reset', source: 'options', detail: 'audience="business"; allowedSites=["intranet.example.com"]' });
    expect(isLogEntry({ ...e, time: entry(0).time })).toBe(true);
  });

  it('names nothing that is not a setting, and is null when nothing is left', () => {
    expect(settingsEntry('settings-reset', 'options', ['audience', 'schemaVersion', 'constructor', '__proto__', 'mystery'], settings)?.detail).toBe('audience="business"');
    expect(settingsEntry('settings-reset', 'options', ['schemaVersion', 'toString'], settings)).toBeNull();
    expect(settingsEntry('settings-changed', 'options', [], settings)).toBeNull();
  });

  it('keeps the detail within an entry\'s bound', () => {
    const long = { ...settings, allowedSites: Array.from({ length: 100 }, (_, i) => `site-${i}.example.com`) };
    const e = settingsEntry('settings-imported', 'import', ['allowedSites'], long)!;
    expect(e.detail).toHaveLength(500);
    expect(isLogEntry({ ...e, time: entry(0).time })).toBe(true);
  });
});

describe('CSV export', () => {
  it('writes a header and one CRLF-terminated row per entry', () => {
    const csv = toCsv([entry(0), entry(1, { action: 'proceeded-always' })]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('time,host,vendor_id,vendor,ruling,severity,action,source,detail');
    expect(lines[1]).toBe(`${entry(0).time},www.kaspersky.com,kaspersky,Kaspersky,Commerce Dept. Final Determination,prohibited,warned,page,`);
    expect(lines[2]?.endsWith(',proceeded-always,page,')).toBe(true);
    expect(lines.at(-1)).toBe('');
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1+1')).toBe(`"'+1+1"`);
    expect(csvCell('-2+3')).toBe(`"'-2+3"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\tcmd')).toBe(`"'\tcmd"`);
    expect(csvCell('a=b')).toBe('a=b');
    const csv = toCsv([entry(0, { vendorName: '=cmd|" /C calc"!A0', ruling: 'x,y' })]);
    expect(csv).toContain(`"'=cmd|"" /C calc""!A0","x,y"`);
  });
});
