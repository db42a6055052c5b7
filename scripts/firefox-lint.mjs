// `npm run lint:firefox`: Mozilla's add-on linter (web-ext lint) over dist-firefox/. Fails on any
// error, and on any warning other than the three explained in the README's "Firefox" section, so
// a new warning is looked at rather than scrolled past.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SOURCE = 'dist-firefox';

/** Known, explained warnings: code → why it is acceptable (see README, "Firefox"). */
const EXPLAINED = {
  KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION:
    'data_collection_permissions needs Firefox for Android 142; BanWatch targets desktop Firefox 140+',
  UNSAFE_VAR_ASSIGNMENT: "preact's dangerouslySetInnerHTML branch; BanWatch never passes it",
  DANGEROUS_EVAL: "zod's Function('') feature probe; BanWatch runs zod jitless and the CSP forbids eval",
};

if (!existsSync(`${SOURCE}/manifest.json`)) {
  console.error(`${SOURCE}/manifest.json is missing: run \`npm run build:firefox\` first.`);
  process.exit(1);
}

const run = spawnSync('npx', ['--no-install', 'web-ext', 'lint', '--source-dir', SOURCE, '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
let report;
try {
  report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
} catch {
  console.error(run.stdout, run.stderr);
  console.error('web-ext lint produced no JSON report');
  process.exit(1);
}

const line = (m) => `  ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} — ${m.message}`;
const unexplained = report.warnings.filter((w) => !Object.hasOwn(EXPLAINED, w.code));
console.log(`web-ext lint ${SOURCE}: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`);
for (const w of report.warnings) console.log(`${line(w)}${EXPLAINED[w.code] ? `\n    explained: ${EXPLAINED[w.code]}` : ''}`);
if (report.errors.length || unexplained.length) {
  for (const e of report.errors) console.error(`ERROR${line(e)}`);
  for (const w of unexplained) console.error(`UNEXPLAINED WARNING${line(w)}`);
  process.exit(1);
}
