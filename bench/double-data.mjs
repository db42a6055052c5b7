// A synthetic dataset twice the size of the bundled one, and a build of the extension with it
// (bench/sizes.bench.mjs checks the budgets against both). Every ruling, vendor, not-restricted
// entry and reported link is cloned once under a new id, with renamed names and domains, so the
// clone passes the build's own dataset validation (unique ids and domains, registrable domains,
// references that resolve) and every index, table and text grows as real data would.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const id = (x) => `${x}-syn`;
const name = (s) => s.replace(/[A-Za-z][A-Za-z0-9]*/, (w) => `Syn${w.toLowerCase()}`);
const domain = (d) => `syn${d}`;

/** The dataset with every entry cloned once. */
export function doubled(d) {
  return {
    ...d,
    rulings: [...d.rulings, ...d.rulings.map((r) => ({ ...r, id: id(r.id), shortName: `${r.shortName} (synthetic)` }))],
    vendors: [
      ...d.vendors,
      ...d.vendors.map((v) => ({
        ...v,
        id: id(v.id),
        name: name(v.name),
        legalNames: v.legalNames.map(name),
        aliases: v.aliases.map(name),
        domains: v.domains.map((x) => ({ ...x, domain: domain(x.domain), ...(x.scope ? { scope: x.scope.map((c) => ({ ...c, ruling: id(c.ruling) })) } : {}) })),
        ...(v.exclusions ? { exclusions: v.exclusions.map((x) => ({ ...x, domain: domain(x.domain) })) } : {}),
        rulings: v.rulings.map((r) => ({
          ...r,
          ruling: id(r.ruling),
          ...(r.events ? { events: r.events.map((e) => (e.domains ? { ...e, domains: e.domains.map(domain) } : e)) } : {}),
        })),
      })),
    ],
    notRestricted: [...d.notRestricted, ...d.notRestricted.map((n) => ({ ...n, id: id(n.id), name: name(n.name), aliases: n.aliases.map(name), domains: n.domains.map(domain) }))],
    reportedLinks: [
      ...d.reportedLinks,
      ...d.reportedLinks.map((r) => ({ ...r, id: id(r.id), name: name(r.name), aliases: r.aliases.map(name), domains: r.domains.map(domain), vendor: id(r.vendor) })),
    ],
  };
}

/**
 * Copies the project's source files (tracked and new, as git lists them) to `work`, replaces
 * src/data/dataset.json with the doubled dataset, and builds there (`npm run build`, node_modules
 * linked). Returns the build directory, or throws with the build's output.
 */
export function buildWithDoubledData(root, work) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const listed = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    mkdirSync(dirname(join(work, file)), { recursive: true });
    try {
      cpSync(join(root, file), join(work, file));
    } catch {
      /* listed but deleted in the working tree */
    }
  }
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
  const data = JSON.parse(readFileSync(join(root, 'src/data/dataset.json'), 'utf8'));
  writeFileSync(join(work, 'src/data/dataset.json'), JSON.stringify(doubled(data), null, 2));
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: work, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build with the doubled dataset failed:\n${build.stdout}\n${build.stderr}`);
  return join(work, 'dist');
}
