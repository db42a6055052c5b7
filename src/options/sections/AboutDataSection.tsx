// Options: about the data — its version, how fresh it is (reviewed through the oldest ruling
// verification; rulings not verified for 180 days), counts, changelog, and problems in the
// administrator's policy.
import { formatDay, t } from '../../shared/format';
import about from 'virtual:banwatch/dataset-about';
import { isStale } from '../../core/dataset/freshness';
import { today } from '../../core/dates';
import { Section } from '../controls';
import type { State } from '../use-options';

export function AboutDataSection({ state }: { state: State }) {
  const { meta, reviewedThrough: through } = about;
  const orgVendors = state.policy.organisationVendors;
  const stale = about.rulings.filter((r) => isStale(r, today()));
  return (
    <Section id="data" title={t('optionsDataTitle')}>
      <dl class="facts">
        <dt>{t('optionsDataVersion')}</dt>
        <dd>{meta.version}</dd>
        <dt>{t('optionsDataReviewed')}</dt>
        <dd>
          <time dateTime={through}>{formatDay(through)}</time>
          <p class="muted small">{t('optionsDataReviewedNote', formatDay(meta.reviewedOn))}</p>
        </dd>
        <dt>{t('optionsDataStale')}</dt>
        <dd class={stale.length ? 'stale' : ''}>
          {stale.length ? stale.map((r) => `${r.shortName} (${formatDay(r.lastVerified)})`).join('; ') : t('optionsDataStaleNone')}
        </dd>
        <dt>{t('optionsDataCounts')}</dt>
        <dd>{t('optionsDataCountsValue', [String(about.vendorCount), String(about.rulings.length)])}</dd>
        {orgVendors.length > 0 && (
          <>
            <dt>{t('optionsDataOrg')}</dt>
            <dd>{orgVendors.map((v) => v.name).join(', ')}</dd>
          </>
        )}
      </dl>
      <h3>{t('optionsChangelog')}</h3>
      <ol class="changelog">
        {meta.changelog.map((c) => (
          <li key={c.version}>
            <p>
              <strong>{c.version}</strong> · <time dateTime={c.date}>{formatDay(c.date)}</time>
            </p>
            <ul>
              {c.changes.map((x, i) => (
                <li key={i}>{x}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {state.policy.problems.length > 0 && (
        <details class="policy-problems">
          <summary>{t('optionsPolicyProblems', String(state.policy.problems.length))}</summary>
          <ul>
            {state.policy.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </details>
      )}
    </Section>
  );
}
