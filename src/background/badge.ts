// The toolbar badge for one tab: a short mark and colour by severity, and a tooltip naming the
// vendor. Set only through tabs.ts.
import browser from '../shared/browser';
import type { WarningModel } from '../core/verdict';
import { effectLine, t } from '../shared/format';

const COLOURS: Record<string, string> = {
  prohibited: '#b42318',
  restricted: '#b54708',
  listed: '#175cd3',
  watch: '#475467',
};

export async function setBadge(tabId: number, w: WarningModel | null): Promise<void> {
  try {
    if (!w) {
      await browser.action.setBadgeText({ tabId, text: '' });
      await browser.action.setTitle({ tabId, title: t('actionTitle') });
      return;
    }
    await browser.action.setBadgeText({ tabId, text: t(`badge_${w.severity}`) });
    await browser.action.setBadgeBackgroundColor({ tabId, color: COLOURS[w.severity] ?? '#475467' });
    await browser.action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
    const line = effectLine(w.rulings[0]!);
    await browser.action.setTitle({ tabId, title: t('badgeTitle', [w.vendorName, t(`severity_${w.severity}`), line]) });
  } catch {
    /* the tab closed meanwhile */
  }
}
