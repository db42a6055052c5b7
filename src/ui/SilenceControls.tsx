// The lasting choices that stop a warning — always allow this site, hide the vendor, snooze it —
// offered only in BanWatch's own pages (popup, details page), never inside a web page a vendor
// controls. Each says exactly what it silences and that it syncs; the background saves it, checks
// it against the policy and logs it. A key the administrator enforces shows as locked.
import { useState } from 'preact/hooks';
import type { UserSettingKey } from '../core/settings';
import { displayHost } from '../core/host';
import { t } from '../shared/format';
import { send } from '../shared/send';
import './silence.css';

type Action = 'allow-site' | 'hide-vendor' | 'snooze-vendor';
const KEY: Record<Action, UserSettingKey> = { 'allow-site': 'allowedSites', 'hide-vendor': 'hiddenVendors', 'snooze-vendor': 'snoozed' };

interface Props {
  vendorId: string;
  vendorName: string;
  /** The site the choice is about (the popup's tab); null where there is none (details page). */
  host: string | null;
  locked: readonly UserSettingKey[];
  /** Called after a choice was saved (the caller re-reads its context). */
  onDone?: () => void;
}

export function SilenceControls({ vendorId, vendorName, host, locked, onDone }: Props) {
  const [status, setStatus] = useState('');
  const shownHost = host ? displayHost(host) : '';
  const choices: { action: Action; label: string; help: string; done: string }[] = [
    ...(host
      ? [{ action: 'allow-site' as const, label: t('silenceAllowSite', shownHost), help: t('silenceAllowSiteHelp', [shownHost, vendorName]), done: t('silenceDoneSite', shownHost) }]
      : []),
    { action: 'snooze-vendor', label: t('silenceSnooze', vendorName), help: t('silenceSnoozeHelp', vendorName), done: t('silenceDoneSnoozed', vendorName) },
    { action: 'hide-vendor', label: t('silenceHideVendor', vendorName), help: t('silenceHideVendorHelp', vendorName), done: t('silenceDoneHidden', vendorName) },
  ];
  async function choose(c: (typeof choices)[number]): Promise<void> {
    const reply = await send({ type: 'ui-bg-silence', action: c.action, vendorId, host: host ?? '' }).catch(() => ({ ok: false }));
    setStatus(reply.ok ? c.done : t('silenceRefused'));
    if (reply.ok) onDone?.();
  }
  return (
    <details class="silence">
      <summary>{t('silenceSummary')}</summary>
      <ul class="silence-list">
        {choices.map((c) => {
          const isLocked = locked.includes(KEY[c.action]);
          const helpId = `silence-${c.action}-help`;
          return (
            <li key={c.action}>
              <button type="button" class="btn" disabled={isLocked} aria-describedby={helpId} onClick={() => void choose(c)}>
                {c.label}
              </button>
              <span class="silence-help" id={helpId}>
                {c.help}
                {isLocked && <strong class="silence-locked"> {t('silenceLocked')}</strong>}
              </span>
            </li>
          );
        })}
      </ul>
      <p class="silence-note">{t('silenceSyncNote')}</p>
      <p class="silence-status" role="status">
        {status}
      </p>
    </details>
  );
}
