// The extension builds, loads in Chromium, runs its content script on vendor hostnames only,
// and its pages render.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { banwatchWorld, isolatedWorlds, launch, screenshot, type Harness } from './harness';
import { banner } from './banner-probe';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

describe('foundation', () => {
  it('runs the content script on a vendor hostname and shows the banner', async () => {
    const page = await h.context.newPage();
    await page.goto('https://www.kaspersky.com/');
    await expect.poll(() => banner(page).count()).toBe(1);
    expect(await banner(page).vendor()).toBe('kaspersky');
    await screenshot(page, 'foundation-vendor-page');
    await page.close();
  });

  it('runs no BanWatch script at all on an unrelated hostname', async () => {
    const extName = banwatchWorld();
    expect(await isolatedWorlds(h, 'https://www.kaspersky.com/')).toContain(extName); // the probe can see it
    expect(await isolatedWorlds(h, 'https://example.org/')).not.toContain(extName);
    expect(await isolatedWorlds(h, 'https://notkaspersky.com/')).not.toContain(extName);
  });

  it('opens and renders the popup and options pages', async () => {
    for (const path of ['src/popup/index.html', 'src/options/index.html']) {
      const page = await h.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(h.url(path));
      await expect.poll(() => page.locator('#app *').count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
