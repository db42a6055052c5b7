import { describe, expect, it } from 'vitest';
import { displayHost, hostFromUrl, normaliseHost, parseLookupInput } from '../../src/core/host';

describe('hostFromUrl', () => {
  it.each([
    ['https://kaspersky.com/', 'kaspersky.com'],
    ['https://usa.kaspersky.com/downloads?x=1#y', 'usa.kaspersky.com'],
    ['HTTPS://WWW.KASPERSKY.COM/', 'www.kaspersky.com'],
    ['http://kaspersky.com./', 'kaspersky.com'],
    ['https://kaspersky.com:8443/', 'kaspersky.com'],
    ['http://user:pass@kaspersky.com/', 'kaspersky.com'],
    ['http://kaspersky.com@example.org/', 'example.org'],
    ['http://kaspersky.com:443@example.org/', 'example.org'],
    // Backslash is a path separator for http(s) in WHATWG (and in the browser).
    ['http://kaspersky.com\\@example.org/', 'kaspersky.com'],
    ['https://example.com/?q=kaspersky.com', 'example.com'],
    ['https://%6Baspersky.com/', 'kaspersky.com'],
    // Full-width letters are mapped by UTS #46, so the browser really goes to kaspersky.com.
    ['https://ｋａｓｐｅｒｓｋｙ.com/', 'kaspersky.com'],
    // Cyrillic "а" is a different name.
    ['https://kаspersky.com/', 'xn--kspersky-16g.com'],
    ['https://bücher.example/', 'xn--bcher-kva.example'],
    ['https://xn--bcher-kva.example/', 'xn--bcher-kva.example'],
    ['http://a_b.example.com/', 'a_b.example.com'],
  ])('%s → %s', (url, host) => {
    expect(hostFromUrl(url)).toBe(host);
  });

  it.each([
    'about:blank',
    'data:text/html,<p>kaspersky.com',
    'file:///etc/hosts',
    'chrome://extensions',
    'chrome-extension://abcdefghijklmnop/popup.html',
    'moz-extension://1234/popup.html',
    'view-source:https://kaspersky.com/',
    'javascript:alert(1)',
    'blob:https://kaspersky.com/1234-5678',
    'ftp://kaspersky.com/',
    'ws://kaspersky.com/',
    'wss://kaspersky.com/',
    'kaspersky.com',
    '',
    'http://',
    'https://127.0.0.1/',
    'http://0x7f.1/',
    'http://2130706433/',
    'http://[::1]/',
    'http://[2001:db8::1]:8080/',
    'http://example.com../',
    'http://a..b.com/',
    'http://*.example.com/',
    'http://a$b.com/',
    'http://xn--zz.com/',
    'not a url',
  ])('%s → null', (url) => {
    expect(hostFromUrl(url)).toBeNull();
  });
});

describe('normaliseHost', () => {
  it.each([
    ['kaspersky.com', 'kaspersky.com'],
    ['Kaspersky.COM', 'kaspersky.com'],
    ['kaspersky.com.', 'kaspersky.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['localhost', 'localhost'],
  ])('%s → %s', (input, host) => {
    expect(normaliseHost(input)).toBe(host);
  });

  it.each(['', 'kaspersky.com/', 'kaspersky.com:80', 'a@kaspersky.com', 'https://kaspersky.com', '1.2.3.4', '[::1]', 'a b.com', 'a..com', 'kaspersky.com..', '%6Baspersky.com', 'a?b', 'a#b'])(
    '%j → null',
    (input) => {
      expect(normaliseHost(input)).toBeNull();
    },
  );
});

describe('displayHost', () => {
  it('decodes punycode labels', () => {
    expect(displayHost('xn--bcher-kva.example')).toBe('bücher.example');
    expect(displayHost('xn--kspersky-16g.com')).toBe('kаspersky.com');
  });
  it('leaves ASCII alone and falls back on bad punycode', () => {
    expect(displayHost('kaspersky.com')).toBe('kaspersky.com');
    expect(displayHost('xn--.com')).toBe('xn--.com');
  });
});

describe('parseLookupInput', () => {
  it.each([
    ['kaspersky.com', 'kaspersky.com'],
    ['  Kaspersky.com  ', 'kaspersky.com'],
    ['https://usa.kaspersky.com/en/downloads', 'usa.kaspersky.com'],
    ['www.huawei.com/en/', 'www.huawei.com'],
    ['dji.com:443', 'dji.com'],
    ['support@kaspersky.com', 'kaspersky.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
  ])('%s → %s', (input, host) => {
    expect(parseLookupInput(input)).toBe(host);
  });

  it.each(['', 'Kaspersky', 'Kaspersky Premium', 'about:blank', 'ftp://kaspersky.com', '1.2.3.4', 'e.g.', 'v1.2', 'http://[::1]/'])('%j → null', (input) => {
    expect(parseLookupInput(input)).toBeNull();
  });
});
