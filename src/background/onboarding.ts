// Firefox MV3 grants an add-on's host permissions only on request. On install, when the content
// script's vendor-site permissions are not granted, open the onboarding page that explains why and
// asks with one button. Chromium grants them at install, so Chromium users never see it.
import browser from '../shared/browser';
import { allVendorAccessGranted } from '../shared/host-access';
import { pageUrl } from '../shared/pages';

/** Registered synchronously from background/index.ts. */
export function watchInstall(): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason !== 'install') return;
    void allVendorAccessGranted().then(async (granted) => {
      if (!granted) await browser.tabs.create({ url: pageUrl('onboarding') });
    });
  });
}
