// Says when the browser does not let BanWatch run where it should (Firefox MV3 asks first, and the
// user can take a site's access away later in the add-on's settings): on one vendor site (the
// popup, the warning page), or on any of them (the options page, next to strict mode, which
// cannot stop a page BanWatch may not touch). The button opens the onboarding page, which asks.
import { useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser';
import { t } from '../shared/format';
import { contentScriptOrigins, hostAccessGranted, missingVendorAccess } from '../shared/host-access';
import { pageUrl } from '../shared/pages';
import './host-access.css';

export function HostAccessNotice({ url }: { url?: string }) {
  const [missing, setMissing] = useState(0);
  useEffect(() => {
    const check = () => void (url === undefined ? missingVendorAccess() : hostAccessGranted(url).then((ok) => (ok ? 0 : 1))).then(setMissing);
    check();
    // Granted on the onboarding page, or taken away in the browser's add-on settings, while this page is open.
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, [url]);
  if (!missing) return null;
  return (
    <div class="host-access" role="note">
      <p>
        <strong>{url === undefined ? t('optionsVendorAccessMissing', [String(missing), String(contentScriptOrigins().length)]) : t('onboardingPopupNoticeBody')}</strong>
      </p>
      <button type="button" class="btn" onClick={() => void browser.tabs.create({ url: pageUrl('onboarding') })}>
        {url === undefined ? t('optionsVendorAccessGrant') : t('onboardingPopupNotice')}
      </button>
    </div>
  );
}
