// The popup and the details page as one script and no style sheet file each (issue 14, item 3).
//
// Why: an extension page's module scripts run only once every file the page preloads and every
// style sheet it links has arrived, and Chromium answered each file ~3–6 ms after the one before
// whatever its size (docs/performance.md). In the main build these pages share chunks with the
// service worker and the other pages (a module lives in one chunk), so each fetched 6 scripts and
// 3 style sheets. So once the main build is written, each of the two pages is built again on its
// own (one input: every module it imports statically lands in its one script; what it imports
// with import() stays a lazy chunk that imports from it, so nothing runs twice), and its CSS is
// inlined as a <style> element in its HTML (the extension pages' CSP restricts scripts, not
// styles). Modules they share with other surfaces are duplicated per page; bench/budgets.json
// still bounds what each page fetches.
//
// The main build must leave these pages out (vite.config.ts): the popup is added to the manifest
// only when crxjs writes it (renderCrxManifest), and the details page is not among its inputs.
import { build, type Plugin, type PluginOption, type ResolvedConfig } from 'vite';

/** One CSS asset of `bundle` per `<link rel="stylesheet">` of each HTML page, inlined as <style>; the CSS files dropped. */
function inlineStyleSheets(): Plugin {
  return {
    name: 'banwatch:inline-style-sheets',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const html of Object.values(bundle)) {
        if (html.type !== 'asset' || !html.fileName.endsWith('.html')) continue;
        html.source = String(html.source).replace(/<link rel="stylesheet"[^>]*?href="\/([^"]+)"[^>]*>/g, (_tag, file: string) => {
          const css = bundle[file];
          if (!css || css.type !== 'asset') throw new Error(`inline-style-sheets: ${file} is not in the bundle`);
          delete bundle[file];
          return `<style>${String(css.source).replace(/<\/style/gi, '<\\/style')}</style>`;
        });
      }
    },
  };
}

/**
 * After the main build: builds each of `pages` (name → HTML input) on its own into the same
 * output directory, in the same mode, with `plugins` (what the pages' modules need to build).
 */
export function oneFilePagesPlugin(pages: Record<string, string>, plugins: () => PluginOption[], define: Record<string, string>): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'banwatch:one-file-pages',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    async closeBundle() {
      for (const [name, html] of Object.entries(pages)) {
        await build({
          configFile: false,
          root: config.root,
          mode: config.mode,
          logLevel: 'warn',
          define,
          plugins: [...plugins(), inlineStyleSheets()],
          build: {
            outDir: config.build.outDir,
            emptyOutDir: false,
            target: config.build.target,
            sourcemap: false,
            modulePreload: { polyfill: false },
            rollupOptions: { input: { [name]: html } },
          },
        });
      }
    },
  };
}
