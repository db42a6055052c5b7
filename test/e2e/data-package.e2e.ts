// Data-package signatures in real browsers: the pure acceptance code (src/core/data-package,
// bundled here on the fly; the extension does not ship it yet) verifies Ed25519 with WebCrypto in
// the extension's service worker in Debian's Chromium and in a page in firefox-esr, accepts a
// signed package and refuses tampered ones. Needs dist/ and dist-firefox/ (npm test builds both).
import { resolve } from 'node:path';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage } from '../../scripts/data-package/build-package';
import { atVersion, bundled, newTestKey, tampered } from '../unit/data-package-fixtures';
import { launchFirefox, type FirefoxHarness } from './firefox-harness';
import { launch, type Harness } from './harness';

interface Verdict {
  ok: boolean;
  reason?: string;
  version?: string;
  userAgent: string;
}

let bundle: string;
const packages: Record<'good' | 'changedManifest' | 'changedData', string> = { good: '', changedManifest: '', changedData: '' };
let trustedKeys: unknown[];

beforeAll(async () => {
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: resolve('src/core/data-package/accept.ts'), formats: ['iife'], name: 'BanWatchPackages' } },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  bundle = (Array.isArray(out) ? out[0]! : out).output[0].code;

  const key = await newTestKey();
  trustedKeys = [key.trusted];
  const good = (await buildPackage({ datasetText: JSON.stringify(atVersion('2026.12.01')), removals: [], date: '2026-12-01', signingKey: key.privateKey })).text;
  packages.good = good;
  packages.changedManifest = tampered(good, (e) => void (e.manifest = e.manifest.replace('"date":"2026-12-01"', '"date":"2026-12-09"')));
  packages.changedData = tampered(good, (e) => void (e.dataset = e.dataset.replace('"Kaspersky"', '"Kasperski"')));
});

/** One expression: load the bundle, check `text` against the bundled data, answer with a small JSON verdict. */
function checkExpression(text: string): string {
  const ctx = { trustedKeys, bundled: bundled(), active: bundled() };
  return `(() => { ${bundle}
    return BanWatchPackages.checkUpdate(${JSON.stringify(text)}, ${JSON.stringify(ctx)}).then((r) =>
      JSON.stringify({ ok: r.ok, reason: r.reason, version: r.ok ? r.manifest.version : undefined, userAgent: navigator.userAgent }));
  })()`;
}

function expectVerdicts(run: (text: string) => Promise<Verdict>) {
  it('accepts a signed, newer package', async () => {
    expect(await run(packages.good)).toMatchObject({ ok: true, version: '2026.12.01' });
  });
  it('refuses a package whose manifest changed after signing', async () => {
    expect(await run(packages.changedManifest)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });
  it('refuses a package whose data changed after signing', async () => {
    expect(await run(packages.changedData)).toMatchObject({ ok: false, reason: 'digest-mismatch' });
  });
}

describe('Chromium: in the extension service worker', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });
  const run = async (text: string) => JSON.parse(await h.worker.evaluate<string>(checkExpression(text))) as Verdict;

  it('is Chromium 137 or later, where Ed25519 ships without a flag', async () => {
    const { userAgent } = await run(packages.good);
    expect(Number(/Chrome\/(\d+)/.exec(userAgent)?.[1])).toBeGreaterThanOrEqual(137);
  });
  expectVerdicts(run);
});

describe('Firefox: in a page', () => {
  let ff: FirefoxHarness;
  let tab: string;
  beforeAll(async () => {
    ff = await launchFirefox();
    ({ context: tab } = await ff.send('browsingContext.create', { type: 'tab' }));
    // An HTTPS page: WebCrypto needs a secure context.
    await ff.send('browsingContext.navigate', { context: tab, url: `https://example.org:${ff.port}/`, wait: 'complete' });
  });
  afterAll(async () => {
    await ff?.close();
  });
  const run = async (text: string) => {
    const r = await ff.send('script.evaluate', { expression: checkExpression(text), target: { context: tab }, awaitPromise: true });
    if (r.type === 'exception') throw new Error(`script.evaluate: ${r.exceptionDetails?.text}`);
    return JSON.parse(r.result.value) as Verdict;
  };

  it('is Firefox 129 or later, where Ed25519 ships', async () => {
    const { userAgent } = await run(packages.good);
    expect(Number(/Firefox\/(\d+)/.exec(userAgent)?.[1])).toBeGreaterThanOrEqual(129);
  });
  expectVerdicts(run);
});
