// Options: whether BanWatch warns at all, and how (the warning style).
import { t } from '../../shared/format';
import { WARNING_STYLES } from '../../core/settings';
import { Choice, Section, Toggle } from '../controls';
import { HostAccessNotice } from '../../ui/HostAccessNotice';
import type { SettingsProps } from '../use-options';

export function WarningsSection({ state, set }: SettingsProps) {
  return (
    <Section id="warnings" title={t('optionsWarningsTitle')}>
      <Toggle name="enabled" label={t('optionsEnabled')} help={t('optionsEnabledHelp')} state={state} set={set} />
      <Choice
        name="warningStyle"
        legend={t('optionsStyleLegend')}
        values={WARNING_STYLES}
        state={state}
        set={set}
        label={(v) => t(`optionsStyle_${v}`)}
        help={(v) => t(`optionsStyleHelp_${v}`)}
      />
      <HostAccessNotice />
    </Section>
  );
}
