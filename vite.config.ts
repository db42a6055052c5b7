// Builds the extension for Chromium browsers (dist/) or, with TARGET=firefox, for Firefox
// (dist-firefox/). The top-level manifest.json is completed here: the content script's match
// list is generated from the bundled vendor data, so it runs on vendor sites and nowhere else.
//
// `vite build --mode test-withhold-managed` makes a test build (into .tmp/, never dist/) in which
// storage.managed never answers (src/shared/policy-store.ts); the e2e suite builds and loads it.
// `vite build --mode test-update-channel` (also into .tmp/) trusts, besides the real keys, the
// test keys in BANWATCH_TEST_KEYS (made per e2e run; src/background/update-channel.ts).
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };
import { vendorMatchPatterns } from './scripts/match-patterns';
import { localesPlugin } from './scripts/locales-plugin';
import { datasetCheckPlugin } from './scripts/dataset-check-plugin';
import { bannerTablePlugin } from './scripts/banner-table-plugin';
import { datasetSplitPlugin } from './scripts/dataset-split-plugin';
import { oneFilePagesPlugin } from './scripts/one-file-pages-plugin';
import { allOptionalOrigins } from './src/core/shopping/sites';
import { PAGES } from './src/shared/pages';

const firefox = process.env.TARGET === 'firefox';
const CONTENT_SCRIPT = 'src/vendor-page/index.ts';

export const GECKO_ID = 'banwatch@banwatch.org';

function manifest(): ManifestV3Export {
  const m: Record<string, unknown> = structuredClone(baseManifest);
  // The popup is built on its own after the main build (scripts/one-file-pages-plugin.ts): named
  // here, crxjs would build it too; it is added as crxjs writes the manifest (renderCrxManifest below).
  m.action = { ...baseManifest.action };
  m.options_ui = { ...baseManifest.options_ui, page: PAGES.options };
  m.content_scripts = [
    {
      matches: vendorMatchPatterns(),
      js: [CONTENT_SCRIPT],
      run_at: 'document_start',
      all_frames: false,
    },
  ];
  // Host access to the vendor patterns (no new install warning: the content script already asks
  // for these hosts). Strict mode's redirect rules act only where BanWatch has it (content-script
  // matches do not count), and scripts registered at run time (the banner's overrides,
  // background/vendor-scripts.ts) are injected only there.
  m.host_permissions = vendorMatchPatterns();
  // Marketplaces and search engines: asked for only when the user turns a feature on.
  m.optional_host_permissions = allOptionalOrigins();
  if (firefox) {
    delete m.key; // Firefox identifies the add-on by its gecko id instead
    delete m.minimum_chrome_version;
    m.background = { scripts: ['src/background/index.ts'], type: 'module' };
    m.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  return m as unknown as ManifestV3Export;
}

export const TEST_MODE = 'test-withhold-managed';
export const UPDATE_TEST_MODE = 'test-update-channel';

/** Build-time constants, for the main build and the popup's and details page's own builds. */
const defineFor = (mode: string) => ({ __BANWATCH_TEST_KEYS__: mode === UPDATE_TEST_MODE ? (process.env.BANWATCH_TEST_KEYS ?? '[]') : '[]' });

export default defineConfig(({ mode }) => ({
  define: defineFor(mode),
  plugins: [
    datasetCheckPlugin(),
    bannerTablePlugin(),
    datasetSplitPlugin(),
    preact(),
    crx({
      manifest: manifest(),
      browser: firefox ? 'firefox' : 'chrome',
      contentScripts: { standaloneFiles: [CONTENT_SCRIPT] },
    }),
    localesPlugin(),
    {
      // The shopping script and the vendor-site overrides (imported with `?script&iife` in
      // background/shopping.ts and vendor-scripts.ts) are registered with
      // scripting.registerContentScripts, which needs no web_accessible_resources; crxjs would
      // expose them to every site (a fingerprinting surface). Drop those entries.
      name: 'banwatch:shop-script-not-web-accessible',
      enforce: 'post',
      renderCrxManifest(m: { web_accessible_resources?: { resources: string[]; matches?: string[]; use_dynamic_url?: boolean }[]; action?: Record<string, unknown> }) {
        const war = (m.web_accessible_resources ?? []).map((r) => ({ ...r, resources: r.resources.filter((f) => !/^src\/(shop-page|vendor-page\/overrides)\//.test(f)) }));
        // Strict mode redirects navigations from any site to the warning page, so it must be
        // web-accessible; a per-session URL (Chromium) keeps sites from probing for BanWatch.
        const warning = { resources: [PAGES.warning], matches: ['<all_urls>'], ...(!firefox && { use_dynamic_url: true }) };
        m.web_accessible_resources = [...war.filter((r) => r.resources.length > 0), warning];
        // The popup, built after this build (oneFilePagesPlugin), which crxjs must not build itself.
        m.action = { ...m.action, default_popup: PAGES.popup };
        return m;
      },
    } as Plugin,
    // The popup and the details page, one script each with their styles inlined, built on their own.
    oneFilePagesPlugin({ popup: PAGES.popup, details: PAGES.details }, () => [datasetSplitPlugin(), preact()], defineFor(mode)),
  ],
  build: {
    outDir: mode === TEST_MODE || mode === UPDATE_TEST_MODE ? `.tmp/dist-${mode}` : firefox ? 'dist-firefox' : 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Every browser BanWatch supports follows <link rel=modulepreload> itself: no polyfill in each page.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { warning: PAGES.warning, onboarding: PAGES.onboarding, screen: PAGES.screen },
      output: {
        // Shared code in a few files by who uses it, not one file per shared module: an extension
        // page's module scripts wait for every file it preloads, and in Chromium each file was
        // ~3–6 ms of that wait whatever its size (docs/performance.md). A group also takes the
        // modules its own import (rolldown's default), so groups used more widely come first.
        // (The popup and the details page are not in this build: one file each, built after it.)
        codeSplitting: {
          groups: [
            // Every context but the content scripts: the WebExtension API, strings, page paths,
            // hosts, and Vite's import() helper (else the worker would import the page group).
            { name: 'page-kit', priority: 4, test: /src[\\/](shared[\\/](send|pages|format|host-access)|core[\\/]host)\.ts$|preload-helper/ },
            // Every page of this build: preact, the page style sheet and the host-access notice.
            { name: 'page', priority: 3, test: /node_modules[\\/]preact[\\/]|src[\\/](shared[\\/]page\.css|ui[\\/](HostAccessNotice\.tsx|host-access\.css))$/ },
            // The service worker and every page that reads settings: settings, policy, matching,
            // verdict, and the lean index of the data (the worker reads it too, so not in 'page').
            { name: 'core', priority: 2, test: /src[\\/](shared[\\/](settings-store|tab-state|dataset-source)|core[\\/](catalog|verdict|dataset[\\/]lean-match))\.ts$/ },
          ],
        },
      },
    },
  },
}));
