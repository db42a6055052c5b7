// Every package the code, the tests, the benches and the build scripts import is declared in
// package.json: a test that leans on a package some other package happened to install breaks on
// the next update of that other package (the network e2e once imported `ws` that way).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : files(path);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : [];
  });
}

/** The package a bare specifier names: "preact/hooks" → "preact", "@crxjs/vite-plugin" → itself. */
const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);

describe('dependencies', () => {
  it('every imported package is declared in package.json', () => {
    const sources = [...['src', 'test', 'bench', 'scripts'].flatMap(files), 'vite.config.ts', 'vitest.config.ts', 'vitest.e2e.config.ts'];
    const missing = new Set<string>();
    let imports = 0;
    for (const path of sources) {
      // Comments aside (they may quote import syntax).
      const text = readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
        .join('\n');
      for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)['"]([^'"\s]+)['"]/g)) {
        const spec = m[1]!.replace(/\?.*$/, '');
        // virtual: modules are the build's own (scripts/*-plugin.ts), not packages.
        if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:') || spec.startsWith('virtual:') || builtinModules.includes(spec)) continue;
        imports++;
        if (!declared.has(packageOf(spec))) missing.add(`${path}: ${spec}`);
      }
    }
    expect(imports).toBeGreaterThan(50); // the scan sees the imports (a broken pattern would find none)
    expect([...missing]).toEqual([]);
  });
});
