// Least privilege, checked on what ships: the built dist/manifest.json and
// dist-firefox/manifest.json, and the built HTML pages. Under e2e because it needs both builds
// (`npm test` runs them first). Fails on broad host access, the `tabs` permission and other
// powerful ones, remote scripts, a CSP weaker than `script-src 'self'; object-src 'none'`,
// web_accessible_resources, externally_connectable, and any content-script match pattern that is
// not a vendor domain from the dataset.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import dataset from '../../src/data/dataset.json' with { type: 'json' };

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[]; js?: string[]; css?: string[] }[];
  content_security_policy?: { extension_pages?: string; sandbox?: string } | string;
  background?: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[] } } };
};

const BUILDS = [
  { name: 'Chromium', dir: 'dist' },
  { name: 'Firefox', dir: 'dist-firefox' },
];

/** Permissions BanWatch must never ask for: each reaches far beyond showing a warning. */
const FORBIDDEN_PERMISSIONS = [
  'tabs', '<all_urls>', 'history', 'cookies', 'webRequest', 'webRequestBlocking', 'webNavigation', 'debugger',
  'nativeMessaging', 'proxy', 'management', 'downloads', 'bookmarks', 'topSites', 'browsingData', 'privacy',
  'pageCapture', 'tabCapture', 'desktopCapture', 'clipboardRead', 'geolocation',
  // "Block content on any page": strict mode uses declarativeNetRequestWithHostAccess, limited to the vendor hosts.
  'declarativeNetRequest', 'declarativeNetRequestFeedback',
];

const vendorDomains = new Set(dataset.vendors.flatMap((v) => v.domains.map((d) => d.domain)));

/** scheme://host/path of a match pattern, or null when it is not one (e.g. `<all_urls>`). */
function parsePattern(p: string): { scheme: string; host: string; path: string } | null {
  const m = /^(\*|https?|wss?|file|ftp|urn):\/\/([^/]*)(\/.*)$/.exec(p);
  return m ? { scheme: m[1]!, host: m[2]!, path: m[3]! } : null;
}

/** True for a pattern that reaches every site: `<all_urls>`, a bare `*` host, or no host at all. */
function isBroad(p: string): boolean {
  if (p === '<all_urls>') return true;
  const parsed = parsePattern(p);
  if (!parsed) return true; // unparsable: treat as broad
  const host = parsed.host.replace(/:(\d+|\*)$/, '');
  if (host === '' || host === '*') return true;
  if (host.startsWith('*') && !host.startsWith('*.')) return true; // not a valid pattern: treat as broad
  return host.startsWith('*.') && !host.slice(2).includes('.'); // `*.com`: a whole top-level domain
}

function csp(m: Manifest): Map<string, string[]> {
  const raw = typeof m.content_security_policy === 'string' ? m.content_security_policy : m.content_security_policy?.extension_pages;
  const out = new Map<string, string[]>();
  for (const part of (raw ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), values);
  }
  return out;
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.html')) out.push(join(e.parentPath, e.name));
  }
  return out;
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => join(e.parentPath, e.name));
}

describe('the pattern checker itself', () => {
  it.each(['<all_urls>', '*://*/*', 'https://*/*', 'http://*/*', '*://*:8080/*', 'file:///*', 'not a pattern', '*://*com/*', '*://*.com/*'])('flags %s as broad', (p) => {
    expect(isBroad(p)).toBe(true);
  });
  it.each(['*://*.kaspersky.com/*', 'https://www.huawei.com/*', '*://dji.com/*'])('accepts %s', (p) => {
    expect(isBroad(p)).toBe(false);
  });
});

for (const { name, dir } of BUILDS) {
  describe(`${name} build (${dir}/manifest.json)`, () => {
    const path = join(dir, 'manifest.json');
    it('exists (run `npm run build` and `npm run build:firefox` first)', () => {
      expect(existsSync(path)).toBe(true);
    });
    if (!existsSync(path)) return;
    const m = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    const matches = (m.content_scripts ?? []).flatMap((c) => c.matches ?? []);

    it('is Manifest V3', () => {
      expect(m.manifest_version).toBe(3);
    });

    it('asks for no broad host access: no <all_urls>, no bare * host in host_permissions or content-script matches', () => {
      const broad = [...(m.host_permissions ?? []), ...matches].filter(isBroad);
      expect(broad).toEqual([]);
      expect(m.permissions ?? []).not.toContain('<all_urls>');
    });

    it('asks for no `tabs` permission nor any other powerful one', () => {
      expect((m.permissions ?? []).filter((p) => FORBIDDEN_PERMISSIONS.includes(p))).toEqual([]);
      expect(m.permissions).toEqual(expect.arrayContaining(['storage', 'activeTab']));
    });

    it('every content-script match pattern is `*://*.<domain>/*` for a vendor domain from the dataset, and every vendor domain is covered', () => {
      expect(matches.length).toBeGreaterThan(0);
      const bad = matches.filter((p) => {
        const d = /^\*:\/\/\*\.([a-z0-9.-]+)\/\*$/.exec(p)?.[1];
        return !d || !vendorDomains.has(d);
      });
      expect(bad).toEqual([]);
      expect(new Set(matches)).toEqual(new Set([...vendorDomains].map((d) => `*://*.${d}/*`)));
    });

    it('the content script runs in the top frame only', () => {
      for (const c of m.content_scripts ?? []) expect((c as { all_frames?: boolean }).all_frames ?? false).toBe(false);
    });

    it('has a CSP at least as strict as script-src \'self\'; object-src \'none\'', () => {
      // MV3's default (Chromium: script-src 'self' 'wasm-unsafe-eval'; object-src 'self') is weaker,
      // so the manifest states its own policy (manifest.json).
      const p = csp(m);
      expect(p.get('script-src')).toEqual(["'self'"]);
      expect(p.get('object-src')).toEqual(["'none'"]);
      const all = [...p.values()].flat();
      for (const weak of ["'unsafe-eval'", "'unsafe-inline'", "'wasm-unsafe-eval'", '*', 'http:', 'https:', 'data:', 'blob:']) {
        expect(p.get('script-src') ?? [], weak).not.toContain(weak);
      }
      // connect-src: extension pages and the worker reach nothing on the network but the update
      // channel's path, /banwatch-data/ over HTTPS (docs/security.md, "Update channel").
      expect(all.filter((v) => /^https?:\/\//.test(v))).toEqual(['https://*/banwatch-data/']);
      expect(p.get('connect-src')).toEqual(["'self'", 'https://*/banwatch-data/']);
    });

    it('exposes only the strict-mode warning page to web pages (Chromium: at a per-session address), nothing to other extensions', () => {
      const war = (m.web_accessible_resources ?? []) as { resources: string[]; matches?: string[]; use_dynamic_url?: boolean }[];
      expect(war.map((r) => r.resources)).toEqual([['src/warning/index.html']]);
      if (!m.browser_specific_settings) expect(war[0]!.use_dynamic_url).toBe(true);
      expect(m.externally_connectable).toBeUndefined();
    });

    it('has host access to the vendor domains only (the content script patterns), for strict mode', () => {
      expect(new Set(m.host_permissions)).toEqual(new Set(matches));
    });

    it('loads no remote script: manifest scripts are packaged files', () => {
      const scripts = [
        m.background?.service_worker,
        ...(m.background?.scripts ?? []),
        ...(m.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
      ].filter((s): s is string => typeof s === 'string');
      expect(scripts.length).toBeGreaterThan(0);
      for (const s of scripts) {
        expect(s).not.toMatch(/^(https?:)?\/\//i);
        expect(existsSync(join(dir, s)), s).toBe(true);
      }
      expect(JSON.stringify(m)).not.toMatch(/"(https?:)?\/\/[^"]*\.js"/i);
    });

    it('loads no remote script: every <script src> and modulepreload of the built pages is a packaged file', () => {
      const pages = htmlFiles(dir);
      expect(pages.length).toBeGreaterThanOrEqual(4);
      for (const page of pages) {
        const html = readFileSync(page, 'utf8');
        const refs = [
          ...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi),
          ...html.matchAll(/<link\b[^>]*\brel\s*=\s*["']?(?:modulepreload|preload|stylesheet)["']?[^>]*\bhref\s*=\s*["']?([^"'\s>]+)/gi),
        ].map((x) => x[1]!);
        for (const ref of refs) {
          expect(ref, `${page}: ${ref}`).not.toMatch(/^([a-z][a-z0-9+.-]*:|\/\/)/i);
          expect(existsSync(join(dir, ref.replace(/^\//, ''))), `${page}: ${ref}`).toBe(true);
        }
        // No inline script either (the CSP would refuse it anyway).
        expect(html.match(/<script\b(?![^>]*\bsrc=)[^>]*>[^<]+<\/script>/gi) ?? [], page).toEqual([]);
      }
    });

    it('the bundled code imports no remote module and calls no importScripts over the network', () => {
      for (const file of jsFiles(dir)) {
        const js = readFileSync(file, 'utf8');
        expect(js.match(/\bimport\s*\(\s*["'`](https?:)?\/\//g) ?? [], file).toEqual([]);
        expect(js.match(/\bimport\s*[^'"`;()]*?from\s*["'`](https?:)?\/\//g) ?? [], file).toEqual([]);
        expect(js.match(/importScripts\s*\(\s*["'`](https?:)?\/\//g) ?? [], file).toEqual([]);
      }
    });

    if (name === 'Firefox') {
      it('is a Firefox MV3 add-on: background scripts, gecko id, strict_min_version, no data collected', () => {
        expect(m.background?.scripts?.length).toBeGreaterThan(0);
        expect(m.background?.service_worker).toBeUndefined();
        expect(m.key).toBeUndefined();
        const gecko = m.browser_specific_settings?.gecko;
        expect(gecko?.id).toBe('banwatch@banwatch.org');
        expect(Number.parseFloat(gecko?.strict_min_version ?? '0')).toBeGreaterThanOrEqual(140);
        expect(gecko?.data_collection_permissions?.required).toEqual(['none']);
      });
    }
  });
}
