// Firefox smoke test: the built dist-firefox/ add-on, installed as a temporary add-on in Debian's
// real firefox-esr (headless, WebDriver BiDi; see firefox-harness.ts), shows the banner on a
// vendor page and nothing elsewhere. Fails, never skips, when firefox-esr is missing.
// Reads dist-firefox/ (`npm run build:firefox`; `npm test` builds it before this step).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxHarness } from './firefox-harness';

let ff: FirefoxHarness;

beforeAll(async () => {
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
});

/** Opens a new tab on `url` and waits for its load event. Returns the BiDi context id. */
async function openTab(url: string): Promise<string> {
  const { context } = await ff.send('browsingContext.create', { type: 'tab' });
  await ff.send('browsingContext.navigate', { context, url, wait: 'complete' });
  return context;
}

/** Evaluates `expression` in the page (not in the content script's sandbox) and returns its value. */
async function evaluate<T>(context: string, expression: string): Promise<T> {
  const r = await ff.send('script.evaluate', { expression, target: { context }, awaitPromise: false });
  if (r.type === 'exception') throw new Error(`script.evaluate: ${r.exceptionDetails?.text}`);
  return r.result.value as T;
}

interface BannerInfo {
  count: number;
  open: boolean;
  text: boolean;
}
// What the page itself can see of the banner (a closed shadow root on a plain div under <html>,
// in the top layer): the host, that it is open, and (window.find) its visible text.
const BANNER = `(() => {
  const all = [...document.documentElement.children].filter((e) => e.localName === 'div' && e.getAttribute('popover') === 'manual');
  const text = window.find('Sales banned in the US');
  return JSON.stringify({ count: all.length, open: all.length > 0 && all[0].matches(':popover-open'), text });
})()`;
const banner = async (context: string): Promise<BannerInfo> => JSON.parse(await evaluate<string>(context, BANNER));

describe('Firefox (firefox-esr, dist-firefox/ as a temporary add-on)', () => {
  it('installs under its gecko id', () => {
    expect(ff.extensionId).toBe('banwatch@banwatch.org');
  });

  it('shows the banner on https://www.kaspersky.com (the fixture server), in the top layer, with its text', async () => {
    const tab = await openTab(`https://www.kaspersky.com:${ff.port}/`);
    // The page really came from the fixture server, under the vendor's hostname.
    expect(await evaluate<string>(tab, 'location.hostname')).toBe('www.kaspersky.com');
    expect(ff.serverRequests.some((r) => r.host === 'www.kaspersky.com')).toBe(true);
    await expect.poll(() => banner(tab), { timeout: 15_000 }).toMatchObject({ count: 1 });
    expect(await banner(tab)).toEqual({ count: 1, open: true, text: true });
  });

  it('shows no banner on https://example.org, which is not a vendor', async () => {
    const tab = await openTab(`https://example.org:${ff.port}/`);
    expect(await evaluate<string>(tab, 'location.hostname')).toBe('example.org');
    expect(ff.serverRequests.some((r) => r.host === 'example.org')).toBe(true);
    // Give a content script time to misbehave (the vendor page's banner took well under this).
    await new Promise((r) => setTimeout(r, 1500));
    expect((await banner(tab)).count).toBe(0);
  });

  it('was granted its vendor-site access at install: the onboarding page did not open', async () => {
    // Runs after the banner test, so the background has long finished its onInstalled check.
    const urls = await ff.tabUrls();
    expect(urls.filter((u) => u.startsWith('moz-extension://'))).toEqual([]);
  });
});
