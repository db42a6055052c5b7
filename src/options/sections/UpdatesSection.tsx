// Options: the opt-in data update channel — what turning it on sends, the switch (which an
// administrator may set), where it asks, when it last asked and what came of it, the data in use,
// and "Check now". The state is the worker's (IndexedDB, shared/data-store.ts); the worker marks
// each finished check in storage.session, and this section reads the state again then.
import { useEffect, useState } from 'preact/hooks';
import browser from '../../shared/browser';
import { send } from '../../shared/send';
import { t } from '../../shared/format';
import about from 'virtual:banwatch/dataset-about';
import { DEFAULT_UPDATE_URL } from '../../core/settings';
import type { ChannelState, Outcome } from '../../core/data-package/channel-state';
import { acceptedVersion, CHECKED_KEY, CHECKING_KEY, readChannelState } from '../../shared/data-store';
import { Section, Toggle } from '../controls';
import type { SettingsProps } from '../use-options';

const BUNDLED = about.meta.version;

/** The outcome in words, and whether it is a problem the user should notice. */
function outcomeText(o: Outcome | null, on: boolean): { text: string; problem: boolean } {
  if (!o) return { text: t(on ? 'optionsUpdatesFirstCheck' : 'optionsUpdatesNothingFetched'), problem: false };
  switch (o.kind) {
    case 'accepted':
      return { text: t('optionsUpdatesAccepted', o.version), problem: false };
    case 'up-to-date':
      return { text: t('optionsUpdatesUpToDate', o.version), problem: false };
    case 'offline':
      return { text: t('optionsUpdatesOffline'), problem: true };
    case 'http-error':
      return { text: t('optionsUpdatesHttpError', String(o.status)), problem: true };
    case 'too-large':
      return { text: t('optionsUpdatesTooLarge'), problem: true };
    case 'refused':
      return { text: t('optionsUpdatesRefused', t(`optionsUpdatesReason_${o.reason.replaceAll('-', '_')}`)), problem: true };
  }
}

export function UpdatesSection({ state, set }: SettingsProps) {
  const on = state.settings.updateChannel;
  const [channel, setChannel] = useState<ChannelState | null>(null);
  const [inUse, setInUse] = useState(BUNDLED);
  const [checking, setChecking] = useState(false);
  const [workerChecking, setWorkerChecking] = useState(false); // a check the switch, the alarm or another page started

  useEffect(() => {
    const load = () => {
      void readChannelState().then(setChannel);
      void acceptedVersion(on, BUNDLED).then((v) => setInUse(v ?? BUNDLED));
    };
    load();
    const readChecking = () => void browser.storage.session.get(CHECKING_KEY).then((r) => setWorkerChecking(r[CHECKING_KEY] === true), () => undefined);
    readChecking();
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'session') return;
      if (CHECKING_KEY in changes) readChecking();
      if (CHECKED_KEY in changes) load();
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, [on]);

  const checkNow = async () => {
    setChecking(true);
    try {
      setChannel(await send({ type: 'ui-bg-update-check' }));
      setInUse((await acceptedVersion(true, BUNDLED)) ?? BUNDLED);
    } finally {
      setChecking(false);
    }
  };

  const url = state.settings.updateUrl || DEFAULT_UPDATE_URL;
  const result = outcomeText(channel?.outcome ?? null, on);
  const noEd25519 = channel?.outcome?.kind === 'refused' && channel.outcome.reason === 'no-ed25519';
  return (
    <Section id="updates" title={t('optionsUpdatesTitle')} intro={t('optionsUpdatesIntro')}>
      <Toggle name="updateChannel" label={t('optionsUpdatesEnabled')} help={t('optionsUpdatesEnabledHelp')} state={state} set={set} />
      <ul class="sends" aria-label={t('optionsUpdatesSendsLabel')}>
        <li>{t('optionsUpdatesSends1')}</li>
        <li>{t('optionsUpdatesSends2')}</li>
        <li>{t('optionsUpdatesSends3')}</li>
      </ul>
      <dl class="facts updates-facts">
        <dt>{t('optionsUpdatesSource')}</dt>
        <dd>
          <code class="url">{url}</code>
          {state.settings.updateUrl && <p class="muted small">{t('optionsUpdatesMirror')}</p>}
        </dd>
        <dt>{t('optionsUpdatesInUse')}</dt>
        <dd>
          {inUse === BUNDLED ? t('optionsUpdatesInUseBundled', inUse) : t('optionsUpdatesInUseUpdate', [inUse, BUNDLED])}
        </dd>
        <dt>{t('optionsUpdatesLastCheck')}</dt>
        <dd>{channel?.lastCheck ? <time dateTime={new Date(channel.lastCheck).toISOString()}>{new Date(channel.lastCheck).toLocaleString()}</time> : t('optionsUpdatesNever')}</dd>
        <dt>{t('optionsUpdatesResult')}</dt>
        <dd class={result.problem ? 'update-problem' : ''} id="update-result">
          {result.text}
          {noEd25519 && <p class="muted small">{t('optionsUpdatesNoEd25519')}</p>}
        </dd>
      </dl>
      <button type="button" class="btn" disabled={!on || checking || workerChecking} onClick={() => void checkNow()}>
        {checking || workerChecking ? t('optionsUpdatesChecking') : t('optionsUpdatesCheckNow')}
      </button>
    </Section>
  );
}
