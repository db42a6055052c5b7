// Options: which authorities' lists (the sources of rulings) bring warnings.
import { msgKey, t } from '../../shared/format';
import { AUTHORITIES } from '../../core/dataset/constants';
import { Locked, Section } from '../controls';
import type { SettingsProps } from '../use-options';

const AUTHORITY_KEY: Record<string, string> = Object.fromEntries(AUTHORITIES.map((a) => [a, msgKey(a)]));

export function AuthoritiesSection({ state, set }: SettingsProps) {
  const s = state.settings;
  const locked = state.locked.includes('authorities');
  return (
    <Section id="authorities" title={t('optionsAuthoritiesTitle')} intro={t('optionsAuthoritiesIntro')}>
      <fieldset class="grid" aria-describedby={locked ? 'authorities-locked' : undefined}>
        <legend>
          {t('optionsAuthoritiesLegend')} {locked && <Locked id="authorities-locked" />}
        </legend>
        {AUTHORITIES.map((a) => (
          <label class={`check${locked ? ' disabled' : ''}`} key={a} for={`authority-${a}`}>
            <input
              type="checkbox"
              id={`authority-${a}`}
              checked={s.authorities[a]}
              disabled={locked}
              aria-describedby={`authority-${a}-help`}
              onChange={(e) => set({ authorities: { ...s.authorities, [a]: (e.currentTarget as HTMLInputElement).checked } })}
            />
            <span>
              <span class="check-label">{t(`optionsAuthority_${AUTHORITY_KEY[a]}`)}</span>
              <span class="muted small block" id={`authority-${a}-help`}>
                {t(`optionsAuthorityHelp_${AUTHORITY_KEY[a]}`)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
    </Section>
  );
}
