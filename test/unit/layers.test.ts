// The layering ARCHITECTURE.md describes, checked: src/core/ is pure (imports nothing outside
// core/ but the bundled data, and no extension API), and the scripts BanWatch puts in web pages
// stay free of the background's and the pages' code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Each import of a file: the module it names, resolved to a path from the repository root when relative. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/gm)].map((m) => {
    const spec = m[1]!.replace(/\?.*$/, '');
    return spec.startsWith('.') ? relative(resolve('.'), resolve(dirname(file), spec)) : spec;
  });
}

describe('layers', () => {
  it('src/core/ imports only core/, the bundled data and plain libraries, and uses no extension API', () => {
    expect(files('src/core').flatMap(imports)).toContain('src/core/settings'); // the scan sees multi-line imports
    const bad: string[] = [];
    for (const file of files('src/core')) {
      for (const i of imports(file)) {
        if (i.startsWith('src/') && !i.startsWith('src/core/') && !i.startsWith('src/data/')) bad.push(`${file}: ${i}`);
        if (i === 'webextension-polyfill' || i === 'preact' || i.startsWith('preact/')) bad.push(`${file}: ${i}`);
      }
      if (/\b(chrome|browser)\.(runtime|storage|tabs|action|scripting|permissions)\b/.test(readFileSync(file, 'utf8'))) bad.push(`${file}: extension API`);
    }
    expect(bad).toEqual([]);
  });

  it('the scripts in web pages import neither the background, the extension pages nor the polyfill', () => {
    const bad: string[] = [];
    for (const dir of ['src/vendor-page', 'src/shop-page', 'src/inpage-ui']) {
      for (const file of files(dir)) {
        for (const i of imports(file)) {
          if (/^src\/(background|popup|details|options|warning|onboarding|ui)\//.test(i) || i === 'webextension-polyfill' || i === 'src/shared/browser') bad.push(`${file}: ${i}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
