// The message table (src/shared/messages.ts): who may send what, and what decodes.
//
// Decoding is checked against a statement of each message written here, field by field, as
// generators: values every field must accept, and values it must refuse (the wrong type, too long,
// not one of the allowed words, a bad item in a list). A message built from good values decodes;
// the same message with any one field made bad, missing or inherited does not. Nothing here
// re-implements the guard.
//
// Senders are checked against the rules as they stood before the table (content scripts: any
// cs- message from a tab's top frame; extension pages: any ui- message): the table may only take
// rights away, never add one; and each script and page keeps the messages it really sends.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzSuite } from './fuzz';
import { accept, MESSAGES, type MessageType } from '../../src/shared/messages';
import { senderClass, type SenderClass, type SenderFacts } from '../../src/shared/senders';

const check = fuzzSuite();

// --- Each message, stated field by field ------------------------------------------------------

interface Domain {
  good: fc.Arbitrary<unknown>;
  bad: fc.Arbitrary<unknown>;
}
const notA = (kind: string) => fc.anything({ withBigInt: true, withMap: true, withNullPrototype: true }).filter((v) => typeof v !== kind);
const text = (max: number): Domain => ({
  good: fc.string({ maxLength: Math.min(max, 300) }),
  bad: fc.oneof(notA('string'), fc.integer({ min: 1, max: 50 }).map((n) => 'x'.repeat(max + n)), fc.constant(new String('x'))),
});
const words = (allowed: string[]): Domain => ({
  good: fc.constantFrom(...allowed),
  bad: fc.oneof(notA('string'), fc.string().filter((s) => !allowed.includes(s)), fc.constantFrom('dismiss', '__proto__', 'toString', allowed[0]!.toUpperCase())),
});
const yesNo: Domain = { good: fc.boolean(), bad: fc.oneof(notA('boolean'), fc.constantFrom('true', 1, 0, null)) };
const listOf = (max: number, item: Domain): Domain => ({
  good: fc.array(item.good, { maxLength: Math.min(max, 30) }),
  bad: fc.oneof(
    notA('object'),
    fc.constant({ length: 1, 0: 'x' }),
    fc.array(item.good, { minLength: max + 1, maxLength: max + 3 }),
    fc.tuple(fc.array(item.good, { maxLength: 3 }), item.bad).map(([xs, b]) => [...xs, b]),
  ),
});
const candidate: Domain = {
  good: fc.record({ value: text(240).good, source: fc.constantFrom('json-ld', 'meta', 'microdata', 'byline'), field: text(60).good }),
  bad: fc.oneof(notA('object'), fc.record({ value: text(240).bad, source: fc.constant('meta'), field: fc.constant('f') }), fc.constant({ value: 'Hikvision', source: 'page text', field: 'f' })),
};

const SPEC: Record<MessageType, Record<string, Domain>> = {
  'cs-bg-page': { url: text(8192), prerendering: yesNo },
  'cs-bg-action': { action: words(['allow-site', 'snooze-vendor', 'hide-vendor', 'open-details']), vendorId: text(100), url: text(8192) },
  'cs-bg-brand': { url: text(8192), candidates: listOf(20, candidate), items: listOf(500, text(240)) },
  'cs-bg-links': { url: text(8192), hosts: listOf(500, text(253)) },
  'cs-bg-shop-details': { id: text(100) },
  'ui-bg-proceed': { url: text(8192), remember: yesNo },
  'ui-bg-warning': { url: text(8192) },
  'ui-bg-silence': { action: words(['allow-site', 'snooze-vendor', 'hide-vendor']), vendorId: text(100), host: text(253) },
  'ui-bg-settings-changed': { source: words(['options', 'import', 'reset']), keys: listOf(20, text(40)), logWasOn: yesNo },
  'ui-bg-shopping-sync': {},
  'ui-bg-update-check': {},
};
const TYPES = Object.keys(SPEC) as MessageType[];

/** Who sends each message in the extension today (the senders this test expects to keep their rights). */
const SENT_BY: Record<MessageType, SenderClass> = {
  'cs-bg-page': 'vendor-page',
  'cs-bg-action': 'vendor-page',
  'cs-bg-brand': 'shop-page',
  'cs-bg-links': 'shop-page',
  'cs-bg-shop-details': 'shop-page',
  'ui-bg-proceed': 'extension-page',
  'ui-bg-warning': 'extension-page',
  'ui-bg-silence': 'extension-page',
  'ui-bg-settings-changed': 'extension-page',
  'ui-bg-shopping-sync': 'extension-page',
  'ui-bg-update-check': 'extension-page',
};

const goodMessage = (type: MessageType) => fc.record(Object.fromEntries(Object.entries(SPEC[type]).map(([k, d]) => [k, d.good]))).map((f) => ({ type, ...f }));

describe('decoding: every message against its field-by-field statement', () => {
  it('the table and this statement name the same messages', () => {
    expect(Object.keys(MESSAGES).sort()).toEqual([...TYPES].sort());
  });

  for (const type of TYPES) {
    const from = SENT_BY[type];
    it(`${type}: good values decode, extra fields are ignored`, () => {
      check(fc.tuple(goodMessage(type), fc.dictionary(fc.string().filter((k) => !(k in SPEC[type]) && k !== 'type' && k !== '__proto__'), fc.anything())), ([m, extra]) => {
        expect(accept(m, from)).toEqual(m);
        expect(accept({ ...extra, ...m }, from)).not.toBeNull();
      });
    });

    for (const field of Object.keys(SPEC[type])) {
      it(`${type}: a bad, missing or inherited ${field} is refused`, () => {
        check(fc.tuple(goodMessage(type), SPEC[type][field]!.bad), ([m, bad]) => {
          expect(accept({ ...m, [field]: bad }, from)).toBeNull();
          const { [field]: kept, ...without } = m as Record<string, unknown>;
          expect(accept(without, from)).toBeNull();
          expect(accept(Object.assign(Object.create({ [field]: kept }), without), from)).toBeNull();
        });
      });
    }
  }

  it('anything that is not a plain record of a known type is refused', () => {
    check(fc.anything({ withMap: true, withSet: true, withBigInt: true, withDate: true, withTypedArray: true, withNullPrototype: true }), (v) => {
      const known = typeof v === 'object' && v !== null && Object.hasOwn(v, 'type') && TYPES.includes((v as { type: MessageType }).type);
      if (!known) for (const from of ['vendor-page', 'shop-page', 'extension-page'] as const) expect(accept(v, from)).toBeNull();
    });
    const page = { type: 'cs-bg-page', url: 'https://www.kaspersky.com/', prerendering: false };
    expect(accept(page, 'vendor-page')).toEqual(page);
    expect(accept(Object.assign(Object.create(null), page), 'vendor-page')).not.toBeNull(); // structured clone may give this
    expect(accept(Object.create(page), 'vendor-page')).toBeNull();
    expect(accept([page], 'vendor-page')).toBeNull();
    expect(accept(new Map(Object.entries(page)), 'vendor-page')).toBeNull();
    expect(accept(new (class { type = 'cs-bg-page'; url = 'https://a.com/'; })(), 'vendor-page')).toBeNull();
    expect(accept(JSON.parse('{"__proto__": {"type": "cs-bg-page", "url": "https://a.com/"}}'), 'vendor-page')).toBeNull();
    expect(({} as Record<string, unknown>).type).toBeUndefined(); // nothing was polluted
    const cyclic: Record<string, unknown> = { type: 'cs-bg-page' };
    cyclic.url = cyclic;
    expect(accept(cyclic, 'vendor-page')).toBeNull();
    expect(accept(page, null)).toBeNull();
  });
});

// --- Senders ----------------------------------------------------------------------------------

const SELF = { id: 'banwatchid', baseUrl: 'chrome-extension://banwatchid/' };

/** The rule before the message table, as it was written then (src/background/index.ts, shopping.ts). */
function allowedBefore(type: MessageType, s: SenderFacts): boolean {
  if (s.id !== SELF.id) return false;
  const fromPage = typeof s.url === 'string' && s.url.startsWith(SELF.baseUrl);
  if (type.startsWith('cs-')) return !fromPage && s.tab?.id !== undefined && s.frameId === 0;
  return fromPage;
}

const senders: fc.Arbitrary<SenderFacts> = fc.record(
  {
    id: fc.constantFrom(SELF.id, 'otherextension', ''),
    url: fc.oneof(
      fc.constantFrom(
        'https://www.kaspersky.com/',
        'https://www.amazon.com/dp/B0',
        'https://www.google.com/search?q=dji',
        'https://example.org/',
        'chrome-extension://banwatchid/src/options/index.html',
        'chrome-extension://banwatchid/src/warning/index.html?url=x',
        'chrome-extension://otherextension/page.html',
        'about:blank',
        'not a url',
      ),
      fc.webUrl(),
    ),
    tab: fc.oneof(fc.constant(undefined), fc.record({ id: fc.nat() }), fc.constant({})),
    frameId: fc.oneof(fc.constant(0), fc.constant(undefined), fc.integer({ min: -1, max: 20 })),
  },
  { requiredKeys: [] },
);

describe('senders: who may send what', () => {
  it('no sender gains a right it did not have before the table', () => {
    check(fc.tuple(senders, fc.constantFrom(...TYPES)), ([s, type]) => {
      if (accept({ type, ...goodFields[type] }, senderClass(s, SELF))) expect(allowedBefore(type, s)).toBe(true);
    });
  });

  it('each script and page keeps the messages it sends', () => {
    const where: Record<SenderClass, SenderFacts> = {
      'vendor-page': { id: SELF.id, url: 'https://www.kaspersky.com/downloads', tab: { id: 3 }, frameId: 0 },
      'shop-page': { id: SELF.id, url: 'https://www.amazon.com/dp/B08L5MR3DZ', tab: { id: 4 }, frameId: 0 },
      'extension-page': { id: SELF.id, url: 'chrome-extension://banwatchid/src/options/index.html', tab: { id: 5 }, frameId: 0 },
      'extension-frame': { id: SELF.id, url: 'chrome-extension://banwatchid/src/details/index.html', tab: { id: 6 }, frameId: 2 },
    };
    for (const [cls, s] of Object.entries(where)) expect(senderClass(s, SELF)).toBe(cls);
    expect(senderClass({ id: SELF.id, url: 'chrome-extension://banwatchid/src/popup/index.html' }, SELF)).toBe('extension-page'); // the popup has no tab
    for (const type of TYPES) expect(accept({ type, ...goodFields[type] }, SENT_BY[type]), type).not.toBeNull();
  });

  it('a script speaks only from its own kind of site, and nobody from a subframe, another extension or nowhere', () => {
    for (const type of TYPES) {
      const m = { type, ...goodFields[type] };
      const others = (['vendor-page', 'shop-page', 'extension-page', 'extension-frame'] as const).filter((c) => c !== SENT_BY[type]);
      for (const c of others) expect(accept(m, c), `${type} from ${c}`).toBeNull();
    }
    expect(senderClass({ id: SELF.id, url: 'https://www.kaspersky.com/', tab: { id: 1 }, frameId: 3 }, SELF)).toBeNull();
    expect(senderClass({ id: 'otherextension', url: 'https://www.kaspersky.com/', tab: { id: 1 }, frameId: 0 }, SELF)).toBeNull();
    expect(senderClass({ id: SELF.id, url: 'https://www.kaspersky.com/' }, SELF)).toBeNull();
    expect(senderClass({ id: SELF.id }, SELF)).toBeNull();
  });
});

/** One well-formed set of fields per message. */
const goodFields: Record<MessageType, Record<string, unknown>> = {
  'cs-bg-page': { url: 'https://www.kaspersky.com/', prerendering: false },
  'cs-bg-action': { action: 'allow-site', vendorId: 'kaspersky', url: 'https://www.kaspersky.com/' },
  'cs-bg-brand': { url: 'https://www.amazon.com/dp/B0', candidates: [{ value: 'Hikvision', source: 'byline', field: '#bylineInfo' }], items: ['DJI'] },
  'cs-bg-links': { url: 'https://www.google.com/search?q=dji', hosts: ['www.dji.com'] },
  'cs-bg-shop-details': { id: 'dji' },
  'ui-bg-proceed': { url: 'https://www.huawei.com/', remember: false },
  'ui-bg-warning': { url: 'https://www.dji.com/' },
  'ui-bg-silence': { action: 'hide-vendor', vendorId: 'dji', host: 'www.dji.com' },
  'ui-bg-settings-changed': { source: 'import', keys: ['allowedSites'], logWasOn: false },
  'ui-bg-shopping-sync': {},
  'ui-bg-update-check': {},
};
