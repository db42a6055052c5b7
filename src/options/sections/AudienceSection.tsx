// Options: who the warnings are written for (the audience).
import { msgKey, t } from '../../shared/format';
import { AUDIENCES } from '../../core/dataset/severity';
import { Choice, Section } from '../controls';
import type { SettingsProps } from '../use-options';

export function AudienceSection({ state, set }: SettingsProps) {
  return (
    <Section id="audience" title={t('optionsAudienceTitle')} intro={t('optionsAudienceIntro')}>
      <Choice
        name="audience"
        legend={t('optionsAudienceLegend')}
        values={AUDIENCES}
        state={state}
        set={set}
        label={(v) => t(`optionsAudience_${msgKey(v)}`)}
        help={(v) => t(`optionsAudienceHelp_${msgKey(v)}`)}
      />
    </Section>
  );
}
