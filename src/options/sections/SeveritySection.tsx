// Options: the least severe ruling that still brings a warning.
import { t } from '../../shared/format';
import { SEVERITIES } from '../../core/dataset/severity';
import { Choice, Section } from '../controls';
import type { SettingsProps } from '../use-options';

export function SeveritySection({ state, set }: SettingsProps) {
  return (
    <Section id="severity" title={t('optionsSeverityTitle')} intro={t('optionsSeverityIntro')}>
      <Choice
        name="minSeverity"
        legend={t('optionsSeverityLegend')}
        values={SEVERITIES}
        state={state}
        set={set}
        label={(v) => <span class={`chip sev-${v}`}>{t(`severity_${v}`)}</span>}
        help={(v) => t(`optionsSeverityHelp_${v}`)}
      />
    </Section>
  );
}
