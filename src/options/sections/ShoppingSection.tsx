// Options: "Warn on shopping sites" and "Mark search results". Self-contained: the options page
// includes <ShoppingSection />. Least privilege: turning a switch on asks the browser for exactly
// that feature's hosts (permissions.request, called in the click handler so it counts as a user
// gesture) and then has the background register the script for them; turning it off unregisters
// the script and gives the hosts back (permissions.remove).
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from '../../shared/browser';
import { t } from '../../shared/format';
import { loadSettings, updateSettings } from '../../shared/settings-store';
import { onPolicyChange } from '../../shared/policy-store';
import { FEATURES, originsFor, sitesFor, type Feature } from '../../core/shopping/sites';
import { send } from '../../shared/send';

interface View {
  setting: Record<Feature, boolean>;
  granted: Record<Feature, boolean>;
  locked: Feature[];
}

const LABELS: Record<Feature, [label: string, help: string]> = {
  shoppingSites: ['shopToggleShopping', 'shopToggleShoppingHelp'],
  searchResults: ['shopToggleSearch', 'shopToggleSearchHelp'],
};

const siteNames = (f: Feature) => sitesFor(f).map((s) => s.name).join(', ');
// The background's one registration path: it is waiting for this very change already (its storage
// listener asked too), so the two requests share one run.
const sync = () => send({ type: 'ui-bg-shopping-sync' });

async function load(): Promise<View> {
  const eff = await loadSettings();
  const granted = {} as Record<Feature, boolean>;
  for (const f of FEATURES) granted[f] = await browser.permissions.contains({ origins: originsFor(f) });
  return {
    setting: { shoppingSites: eff.settings.shoppingSites, searchResults: eff.settings.searchResults },
    granted,
    locked: FEATURES.filter((f) => (eff.locked as string[]).includes(f)),
  };
}

export function ShoppingSection() {
  const [view, setView] = useState<View | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const refresh = useCallback(() => load().then(setView), []);

  useEffect(() => {
    void refresh();
    const offPolicy = onPolicyChange(() => void refresh()); // a feature may be enforced
    const onStorage = (changes: Record<string, unknown>) => {
      if (FEATURES.some((f) => f in changes)) void refresh();
    };
    const onPermissions = () => void refresh();
    browser.storage.onChanged.addListener(onStorage);
    browser.permissions.onAdded.addListener(onPermissions);
    browser.permissions.onRemoved.addListener(onPermissions);
    return () => {
      browser.storage.onChanged.removeListener(onStorage);
      browser.permissions.onAdded.removeListener(onPermissions);
      browser.permissions.onRemoved.removeListener(onPermissions);
      offPolicy();
    };
  }, [refresh]);

  if (!view) return null;

  const turnOn = (f: Feature) => {
    setStatus('');
    setBusy(true);
    // First thing in the click handler: the browser only shows its prompt for a user gesture.
    browser.permissions
      .request({ origins: originsFor(f) })
      .then(async (granted) => {
        if (!granted) return setStatus(t('shopDenied'));
        await updateSettings({ [f]: true });
        await sync();
        setStatus(t('shopTurnedOn', siteNames(f)));
      })
      .catch(() => setStatus(t('shopFailed')))
      .finally(() => {
        setBusy(false);
        void refresh();
      });
  };

  const turnOff = async (f: Feature) => {
    setStatus('');
    setBusy(true);
    try {
      await updateSettings({ [f]: false });
      await sync(); // unregisters the script
      await browser.permissions.remove({ origins: originsFor(f) });
      setStatus(t('shopTurnedOff', siteNames(f)));
    } catch {
      setStatus(t('shopFailed'));
    } finally {
      setBusy(false);
      void refresh();
    }
  };

  return (
    <section class="card section" aria-labelledby="shopping-title" id="shopping">
      <h2 id="shopping-title">{t('shopSectionTitle')}</h2>
      <p class="muted intro">{t('shopSectionIntro')}</p>
      {FEATURES.map((f) => {
        const id = `shop-toggle-${f}`;
        const on = view.setting[f] && view.granted[f];
        const locked = view.locked.includes(f);
        const [label, help] = LABELS[f];
        return (
          <div class={`toggle${locked ? ' disabled' : ''}`} key={f}>
            <input
              type="checkbox"
              role="switch"
              id={id}
              checked={on}
              disabled={locked || busy}
              aria-describedby={`${id}-help ${id}-sites`}
              onChange={(e) => ((e.currentTarget as HTMLInputElement).checked ? turnOn(f) : void turnOff(f))}
            />
            <span class="toggle-text">
              <label for={id} class="toggle-label">
                {t(label)}
              </label>
              <span class="muted toggle-help" id={`${id}-help`}>
                {t(help)}
              </span>
              <span class="muted toggle-help" id={`${id}-sites`}>
                {t('shopSites', siteNames(f))}
              </span>
              {view.setting[f] && !view.granted[f] && <span class="hint">{t('shopNeedsAccess')}</span>}
            </span>
          </div>
        );
      })}
      <p class="status" role="status" aria-live="polite" id="shopping-status">
        {status}
      </p>
    </section>
  );
}
