// Back/forward cache enabled (Playwright disables it by default): a vendor page restored by Back
// comes back as it was, banner included, but the browser does not restore the toolbar badge; the
// content script asks again on `pageshow` with `persisted`, and the badge is right again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeText, launch, tabIdOf, type Harness } from './harness';
import { banner } from './banner-probe';

let h: Harness;
beforeAll(async () => {
  h = await launch({ ignoreDefaultArgs: ['--disable-back-forward-cache'] });
});
afterAll(async () => {
  await h?.close();
});

describe('back/forward cache', () => {
  it('Back to a vendor page: restored from the cache (pageshow.persisted), banner shown, badge set again', async () => {
    const page = await h.context.newPage();
    const cdp = await h.context.newCDPSession(page);
    const notRestored: string[] = [];
    cdp.on('Page.backForwardCacheNotUsed', (e: { notRestoredExplanations: { type: string; reason: string }[] }) =>
      notRestored.push(...e.notRestoredExplanations.map((x) => `${x.type}:${x.reason}`)),
    );
    await cdp.send('Page.enable');
    await page.addInitScript(() => addEventListener('pageshow', (e) => ((window as unknown as { persisted: boolean }).persisted = e.persisted)));

    await page.goto('https://www.kaspersky.com/?cacheable');
    await banner(page).shown();
    const tabId = await tabIdOf(h, page);
    await expect.poll(() => badgeText(h, tabId)).toBe('!');

    await page.goto('https://example.org/?cacheable');
    await expect.poll(() => badgeText(h, tabId)).toBe('');

    await page.goBack({ waitUntil: 'commit' });
    await expect.poll(() => page.evaluate(() => (window as unknown as { persisted?: boolean }).persisted)).toBe(true);
    expect(notRestored).toEqual([]);
    expect((await banner(page).probe())?.shown).toBe(true); // the same document, banner and all
    await expect.poll(() => badgeText(h, tabId)).toBe('!'); // asked again on pageshow
  });
});
