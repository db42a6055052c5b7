// Lists exports of src/ that no other file imports: dead code, or something that should not be
// exported. Run: node scripts/unused-exports.mjs (exit code 1 when there are any). It uses the
// TypeScript compiler already installed for `npm run typecheck`, so no extra dependency: every
// import, re-export and `import()` type in src/, test/, bench/, scripts/ and the build configs is
// resolved to the symbol it names, and an export nothing resolves to is reported.
import ts from 'typescript';
import { relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const config = ts.getParsedCommandLineOfConfigFile(resolve(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
const checker = program.getTypeChecker();
const ours = program.getSourceFiles().filter((f) => !f.isDeclarationFile && !f.fileName.includes('/node_modules/'));

const original = (symbol) => (symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
const used = new Set();

for (const file of ours) {
  const visit = (node) => {
    // import { a } / export { a } from / import x / import * as ns — each specifier names a symbol.
    if (ts.isImportSpecifier(node) || ts.isExportSpecifier(node) || ts.isImportClause(node) || ts.isNamespaceImport(node)) {
      const symbol = original(checker.getSymbolAtLocation(node.name ?? node));
      if (symbol) used.add(symbol);
    }
    // ns.member, and import('x').T in types.
    if (ts.isPropertyAccessExpression(node) || ts.isQualifiedName(node) || ts.isImportTypeNode(node)) {
      const symbol = original(checker.getSymbolAtLocation(ts.isImportTypeNode(node) ? (node.qualifier ?? node) : node.name ?? node.right));
      if (symbol) used.add(symbol);
    }
    // const { a, b } = await import('./x')
    if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer) {
      const call = ts.isAwaitExpression(node.initializer) ? node.initializer.expression : node.initializer;
      if (ts.isCallExpression(call) && call.expression.kind === ts.SyntaxKind.ImportKeyword && call.arguments[0]) {
        const mod = checker.getSymbolAtLocation(call.arguments[0]);
        const exports = mod ? checker.getExportsOfModule(mod) : [];
        for (const el of node.name.elements) {
          const name = (el.propertyName ?? el.name).getText();
          const hit = exports.find((e) => e.escapedName === name);
          if (hit) used.add(original(hit));
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
}

const unused = [];
for (const file of ours) {
  const rel = relative(root, file.fileName);
  if (!rel.startsWith('src/')) continue;
  const moduleSymbol = checker.getSymbolAtLocation(file);
  if (!moduleSymbol) continue;
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = original(exported);
    if (used.has(symbol) || used.has(exported)) continue;
    // A default export used as an entry (pages and scripts have none); `export type *` barrels.
    if (exported.escapedName === 'default') continue;
    const decl = symbol.declarations?.[0];
    if (decl && decl.getSourceFile() !== file) continue; // re-exported from elsewhere: judged there
    unused.push(`${rel}: ${exported.escapedName}`);
  }
}

if (unused.length) {
  console.log(`${unused.length} export(s) no other file uses:\n${unused.map((u) => `  ${u}`).join('\n')}`);
  process.exitCode = 1;
} else console.log('unused exports: none');
