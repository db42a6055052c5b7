// The popup's notice on a vendor site the browser has not let BanWatch run on (Firefox MV3 asks
// first): "Not active on this site — grant access", opening the onboarding page, which asks.
import { useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser';
import { t } from '../shared/format';
import { hostAccessGranted } from '../shared/host-access';
import { pageUrl } from '../shared/pages';
import './host-access.css';

export function HostAccessNotice({ url }: { url: string }) {
  const [granted, setGranted] = useState(true);
  useEffect(() => {
    void hostAccessGranted(url).then(setGranted);
  }, [url]);
  if (granted) return null;
  return (
    <div class="host-access" role="note">
      <p>
        <strong>{t('onboardingPopupNoticeBody')}</strong>
      </p>
      <button type="button" class="btn" onClick={() => void browser.tabs.create({ url: pageUrl('onboarding') })}>
        {t('onboardingPopupNotice')}
      </button>
    </div>
  );
}
