// The background's decode guard (issue #8): isMessage accepts only well-formed messages of a
// known type and rejects everything else, whatever shape arrives. Hand-written malformed shapes
// first, then fast-check: arbitrary values, and records with a known `type` and fuzzed fields,
// checked against an independent reference decoder. The suite logs how many generated cases ran.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzSuite } from './fuzz';
import { isMessage, type Message } from '../../src/shared/messages';

const check = fuzzSuite();

const ACTIONS = ['dismiss', 'allow-site', 'snooze-vendor', 'hide-vendor', 'open-details'];
const TYPES = ['cs-bg-page', 'cs-bg-action', 'ui-bg-tab-state', 'ui-bg-proceed', 'ui-bg-warning'];
const str = (v: unknown, max = 8192) => typeof v === 'string' && v.length <= max;

/** Reference decoder, written independently of the one under test. */
function reference(m: unknown): boolean {
  if (m === null || typeof m !== 'object' || Array.isArray(m)) return false;
  if (![Object.prototype, null].includes(Object.getPrototypeOf(m))) return false;
  const own = m as Record<string, unknown>;
  const r = new Proxy(own, { get: (o, k: string) => (Object.hasOwn(o, k) ? o[k] : undefined) });
  if (r.type === 'cs-bg-page' || r.type === 'ui-bg-warning') return str(r.url);
  if (r.type === 'cs-bg-action') return typeof r.action === 'string' && ACTIONS.includes(r.action) && str(r.vendorId, 100) && str(r.url);
  if (r.type === 'ui-bg-tab-state') return typeof r.tabId === 'number' && Number.isInteger(r.tabId);
  if (r.type === 'ui-bg-proceed') return str(r.url) && (r.remember === true || r.remember === false);
  return false;
}

const valid: Message[] = [
  { type: 'cs-bg-page', url: 'https://www.kaspersky.com/' },
  { type: 'cs-bg-action', action: 'allow-site', vendorId: 'kaspersky', url: 'https://www.kaspersky.com/' },
  { type: 'cs-bg-action', action: 'dismiss', vendorId: '', url: '' },
  { type: 'ui-bg-tab-state', tabId: 7 },
  { type: 'ui-bg-proceed', url: 'https://www.huawei.com/', remember: false },
  { type: 'ui-bg-warning', url: 'https://www.dji.com/' },
];

const MB = 'x'.repeat(1 << 20);
const malformed: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a string', 'cs-bg-page'],
  ['a number', 42],
  ['a boolean', true],
  ['an array', ['cs-bg-page', 'https://www.kaspersky.com/']],
  ['an array with a type property', Object.assign(['x'], { type: 'cs-bg-page', url: 'https://a.com/' })],
  ['an empty object', {}],
  ['unknown type', { type: 'bg-cs-page', url: 'https://a.com/' }],
  ['type with different case', { type: 'CS-BG-PAGE', url: 'https://a.com/' }],
  ['type as a String object', { type: new String('cs-bg-page'), url: 'https://a.com/' }],
  ['type as an array', { type: ['cs-bg-page'], url: 'https://a.com/' }],
  ['type inherited from the prototype', Object.create({ type: 'cs-bg-page', url: 'https://a.com/' })],
  ['type "__proto__"', { type: '__proto__' }],
  ['type "constructor"', { type: 'constructor' }],
  ['type "toString"', { type: 'toString', url: 'x' }],
  ['page without url', { type: 'cs-bg-page' }],
  ['page with numeric url', { type: 'cs-bg-page', url: 1 }],
  ['page with a URL object', { type: 'cs-bg-page', url: new URL('https://a.com/') }],
  ['page with 1 MB url', { type: 'cs-bg-page', url: MB }],
  ['page with url array', { type: 'cs-bg-page', url: ['https://a.com/'] }],
  ['action without vendorId', { type: 'cs-bg-action', action: 'allow-site', url: 'https://a.com/' }],
  ['action with unknown action', { type: 'cs-bg-action', action: 'delete-all', vendorId: 'kaspersky', url: 'https://a.com/' }],
  ['action "__proto__"', { type: 'cs-bg-action', action: '__proto__', vendorId: 'kaspersky', url: 'https://a.com/' }],
  ['action "includes"', { type: 'cs-bg-action', action: 'includes', vendorId: 'kaspersky', url: 'https://a.com/' }],
  ['action with an array action', { type: 'cs-bg-action', action: ['allow-site'], vendorId: 'kaspersky', url: 'https://a.com/' }],
  ['action with a 101-char vendorId', { type: 'cs-bg-action', action: 'hide-vendor', vendorId: 'k'.repeat(101), url: 'https://a.com/' }],
  ['action with an object vendorId', { type: 'cs-bg-action', action: 'hide-vendor', vendorId: { id: 'kaspersky' }, url: 'https://a.com/' }],
  ['action with 1 MB url', { type: 'cs-bg-action', action: 'allow-site', vendorId: 'kaspersky', url: MB }],
  ['tab state with string id', { type: 'ui-bg-tab-state', tabId: '7' }],
  ['tab state with fractional id', { type: 'ui-bg-tab-state', tabId: 7.5 }],
  ['tab state with NaN', { type: 'ui-bg-tab-state', tabId: NaN }],
  ['tab state with Infinity', { type: 'ui-bg-tab-state', tabId: Infinity }],
  ['tab state with a bigint', { type: 'ui-bg-tab-state', tabId: 7n }],
  ['proceed without remember', { type: 'ui-bg-proceed', url: 'https://a.com/' }],
  ['proceed with remember "true"', { type: 'ui-bg-proceed', url: 'https://a.com/', remember: 'true' }],
  ['proceed with remember 1', { type: 'ui-bg-proceed', url: 'https://a.com/', remember: 1 }],
  ['warning with null url', { type: 'ui-bg-warning', url: null }],
  ['a Map of a message', new Map<string, unknown>([['type', 'cs-bg-page'], ['url', 'https://a.com/']])],
  ['a class instance', new (class { type = 'cs-bg-page'; url = 'https://a.com/'; })()],
  ['cyclic-looking JSON text', '{"type":"cs-bg-page","url":{"$ref":"$"}}'],
];

describe('isMessage: well-formed messages', () => {
  it.each(valid.map((m) => [m.type, m] as const))('accepts %s', (_t, m) => {
    expect(isMessage(m)).toBe(true);
    expect(reference(m)).toBe(true);
  });

  it('accepts a null-prototype record', () => {
    expect(isMessage(Object.assign(Object.create(null), { type: 'ui-bg-warning', url: 'https://a.com/' }))).toBe(true);
  });

  it('accepts extra unknown keys (ignored by the handlers)', () => {
    expect(isMessage({ type: 'cs-bg-page', url: 'https://a.com/', extra: { deep: true } })).toBe(true);
  });
});

describe('isMessage: malformed shapes', () => {
  it.each(malformed)('rejects %s', (_name, m) => {
    expect(isMessage(m)).toBe(false);
  });

  it('rejects a message whose own __proto__ key carries the fields', () => {
    const m = JSON.parse('{"__proto__": {"type": "cs-bg-page", "url": "https://a.com/"}}');
    expect(isMessage(m)).toBe(false);
    expect(({} as Record<string, unknown>).type).toBeUndefined(); // and nothing was polluted
  });

  it('rejects a cyclic object of a known type with a cyclic url', () => {
    const m: Record<string, unknown> = { type: 'cs-bg-page' };
    m.url = m;
    expect(isMessage(m)).toBe(false);
  });
});

describe('isMessage: fuzzed (fast-check)', () => {
  const field = fc.oneof(
    fc.anything(),
    fc.string(),
    fc.string({ maxLength: 120 }),
    fc.constantFrom(...ACTIONS, 'https://www.kaspersky.com/', 'kaspersky', true, false, 0, 1, -1, 1.5, NaN),
    fc.integer(),
  );

  it('never throws on arbitrary values and agrees with the reference decoder', () => {
    check(fc.anything({ withMap: true, withSet: true, withBigInt: true, withDate: true, withTypedArray: true, withNullPrototype: true }), (v) => {
      expect(isMessage(v)).toBe(reference(v));
    });
  });

  it('records with a known type and fuzzed fields: accepted exactly when the reference says so', () => {
    check(
      fc.record(
        { type: fc.constantFrom(...TYPES), url: field, action: field, vendorId: field, tabId: field, remember: field },
        { requiredKeys: ['type'] },
      ),
      (m) => {
        expect(isMessage(m)).toBe(reference(m));
      },
    );
  });

  it('records with a fuzzed type are rejected unless the type is known', () => {
    check(fc.record({ type: fc.oneof(fc.string(), fc.anything()), url: fc.string() }), (m) => {
      if (!TYPES.includes(m.type as string)) expect(isMessage(m)).toBe(false);
    });
  });

  it('well-formed messages with random strings are accepted, and their over-long variants rejected', () => {
    check(
      fc.record({
        type: fc.constantFrom('cs-bg-page', 'ui-bg-warning'),
        url: fc.string({ maxLength: 200 }),
        pad: fc.integer({ min: 8193, max: 20_000 }),
      }),
      ({ type, url, pad }) => {
        expect(isMessage({ type, url })).toBe(true);
        expect(isMessage({ type, url: url.padEnd(pad, 'a') })).toBe(false);
      },
    );
  });
});
