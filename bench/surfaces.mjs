// What each surface of a built extension fetches before its first complete render, read from the
// build output alone (so it works for dist/ and for the 2×-data build in bench/double-data.mjs):
//
//   content     the manifest's content scripts (js and css) that match a vendor page
//   background  the service worker and everything it imports statically
//   popup, options, details, warning, onboarding, screen
//               the page's <script src>, <link rel=stylesheet> and <link rel=modulepreload>,
//               then every static import (`import … from`, bare `import "…"`, `export … from`)
//               and CSS @import they lead to, and any .json file of the build a counted script
//               names (fetched by URL); the HTML itself when it carries its styles inline (the
//               popup and the details page, scripts/one-file-pages-plugin.ts)
//
//   popup, details, background
//               plus the largest entry record (data/entries/<id>.json): each page fetches
//               exactly one, the record of the entry it shows (src/shared/dataset-source.ts), and
//               the worker one for a visit to a vendor page (src/shared/context.ts), so the worst
//               case is counted; the browser benches accept any record in its place
//
// Dynamic `import("…")` is not followed: it loads after first render, on a click. Whether that
// holds is checked in the browser: bench/pages.bench.ts and bench/banner.bench.ts record what each
// surface really fetched (DevTools Network events, scripts parsed in the content script's world)
// and report any file fetched before first complete render that is not counted here.
// _locales/*/messages.json is not counted: the browser holds it and answers i18n calls over IPC;
// it is reported on its own line. Nor is data/dataset.json, the whole dataset, which the worker
// reads only to decide on every entry at once (strict mode's rules and the banner's override
// scripts at install, browser start and a change of settings or policy; an update check), never
// for a page, a link or a brand; it too is reported on its own line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Where the build writes one record per entry (scripts/dataset-split-plugin.ts). */
export const RECORDS_DIR = 'data/entries';
/** The whole dataset, for the worker's decisions on every entry (see above). */
export const WHOLE_DATASET = 'data/dataset.json';
/** The surfaces that fetch one entry record before their first complete render (the worker: for a visit). */
const RECORD_PAGES = ['popup', 'details', 'background'];

/** A vendor page each counted content script must match. */
export const VENDOR_PAGE = 'https://www.kaspersky.com/';

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.(?:m?js|css))["']/g;
const CSS_IMPORT = /@import\s+(?:url\()?["']([^"']+\.css)["']/g;
const JSON_NAME = /["'`]\/?([\w./-]+\.json)["'`]/g;

/** Does a manifest match pattern cover `url`? (scheme, host with a leading *., path glob) */
export function patternMatches(pattern, url) {
  if (pattern === '<all_urls>') return /^(https?|wss?|ftp|file):/.test(url);
  const m = /^(\*|https?|wss?|file|ftp):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const u = new URL(url);
  const scheme = u.protocol.slice(0, -1);
  if (m[1] === '*' ? !['http', 'https', 'ws', 'wss'].includes(scheme) : m[1] !== scheme) return false;
  const host = m[2];
  const hostOk = host === '*' || (host.startsWith('*.') ? u.hostname === host.slice(2) || u.hostname.endsWith(host.slice(1)) : u.hostname === host);
  const glob = new RegExp(`^${m[3].split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return hostOk && glob.test(u.pathname + u.search);
}

/** The files reachable from `entries` by static imports (JS) and @import (CSS), and the build's JSON files they name. */
function closure(dist, entries) {
  const seen = new Set();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`${relative(dist, file)} is referenced but missing from the build`);
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const at = (spec) => (spec.startsWith('/') ? join(dist, spec) : resolve(dirname(file), spec));
    if (file.endsWith('.css')) {
      for (const m of text.matchAll(CSS_IMPORT)) stack.push(at(m[1]));
      continue;
    }
    for (const m of text.matchAll(STATIC_IMPORT)) if (/^\.{0,2}\//.test(m[1])) stack.push(at(m[1]));
    for (const m of text.matchAll(JSON_NAME)) {
      const json = join(dist, m[1]);
      if (!m[1].startsWith('_locales/') && m[1] !== WHOLE_DATASET && existsSync(json)) seen.add(json);
    }
  }
  return [...seen];
}

/** The files an HTML page fetches first: its scripts, style sheets and module preloads (and itself when it carries its styles inline). */
function pageEntries(dist, htmlFile) {
  const html = readFileSync(htmlFile, 'utf8');
  const inline = /<style\b/.test(html) ? [htmlFile] : [];
  const at = (p) => (p.startsWith('/') ? join(dist, p) : resolve(dirname(htmlFile), p));
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => at(m[1]));
  const links = [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\brel="(stylesheet|modulepreload)"/.test(tag))
    .map((tag) => at(/\bhref="([^"]+)"/.exec(tag)[1]));
  return [...inline, ...scripts, ...links];
}

/**
 * For each surface, the absolute paths of the files it fetches before first complete render.
 * @returns {{ surfaces: Record<string, string[]>, problems: string[] }}
 */
export function surfaces(buildDir) {
  const dist = resolve(buildDir);
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const problems = [];
  const out = {};
  const content = (manifest.content_scripts ?? [])
    .filter((cs) => cs.matches.some((p) => patternMatches(p, VENDOR_PAGE)))
    .flatMap((cs) => [...(cs.js ?? []), ...(cs.css ?? [])].map((f) => join(dist, f)));
  if (!content.length) problems.push(`no content script in the manifest matches ${VENDOR_PAGE}`);
  out.content = closure(dist, content);
  const worker = manifest.background?.service_worker;
  if (worker) {
    out.background = closure(dist, [join(dist, worker)]);
    const classic = readFileSync(join(dist, worker), 'utf8').match(/\bimportScripts\s*\(/);
    if (classic) problems.push('background: importScripts() is not followed; count it by hand');
  } else problems.push('background: no service worker in the manifest');
  const pages = {
    popup: manifest.action?.default_popup,
    options: manifest.options_ui?.page ?? manifest.options_page,
    details: 'src/details/index.html',
    warning: 'src/warning/index.html',
    onboarding: 'src/onboarding/index.html',
    screen: 'src/screen/index.html',
  };
  for (const [name, page] of Object.entries(pages)) {
    const file = page && join(dist, page);
    if (!file || !existsSync(file)) problems.push(`${name}: page ${page ?? '(none)'} not in the build`);
    else out[name] = closure(dist, pageEntries(dist, file));
  }
  const records = existsSync(join(dist, RECORDS_DIR)) ? readdirSync(join(dist, RECORDS_DIR)).map((f) => join(dist, RECORDS_DIR, f)) : [];
  const largest = records.sort((a, b) => bytes([b]).gzip - bytes([a]).gzip)[0];
  if (!largest) problems.push(`no entry records in ${RECORDS_DIR}/`);
  else for (const name of RECORD_PAGES) if (out[name]) out[name].push(largest);
  return { surfaces: out, problems };
}

/** Raw and gzip (level 9, per file, summed) bytes of `files`. */
export function bytes(files) {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const buf = readFileSync(f);
    raw += buf.length;
    gzip += gzipSync(buf, { level: 9 }).length;
  }
  return { raw, gzip };
}
