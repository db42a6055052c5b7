// One row explained: what was looked up, what it matched and why, how sure, the rulings with
// citations and dates, the "for you" line and the sources; or what no match means.
import { confidenceText, forYouText, sourcesOf } from '../core/screen/describe';
import type { RowResult } from '../core/screen/screen';
import { msgKey, t } from '../shared/format';
import { Sources } from '../ui/Ruling';
import { asOf, day, looked, msg, rowResult, rowWhy, ruling } from './text';

export function RowDetail({ row, onOpen }: { row: RowResult | undefined; onOpen: (id: string) => void }) {
  if (!row) return <aside class="detail card" aria-label={t('screenDetailTitle')} />;
  const m = row.match;
  const v = m?.verdict;
  return (
    <aside class="detail card" aria-labelledby="detail-title">
      <p class="muted small">{t('screenDetailRow', String(row.row))}</p>
      <h2 id="detail-title" class="detail-title">
        {looked(row) || t('screenResult_blank')}
      </h2>
      {!m || !v ? (
        <>
          <p class="detail-result">
            <span class="chip chip-none">{rowResult(row)}</span>
          </p>
          <p class="muted">{t('screenNoMatchBody', day(asOf))}</p>
        </>
      ) : (
        <>
          <p class="detail-result">
            <span class="detail-entry">{v.name}</span> <span class="chip-line">{rowResult(row)}</span>
          </p>
          <dl class="facts">
            <dt>{t('screenColWhy')}</dt>
            <dd>{rowWhy(m)}</dd>
            <dt>{t('screenColConfidence')}</dt>
            <dd>
              <span class={`conf conf-${m.grade.confidence}`}>{confidenceText(m, msg)}</span> <span class="muted small">{t(`screenConfidenceHelp_${m.grade.confidence}`)}</span>
            </dd>
          </dl>
          {v.kind === 'vendor' && v.rulings.length > 0 && (
            <section class="block">
              <h3>{t('screenRulings')}</h3>
              <ul class="detail-rulings">
                {v.rulings.map((r) => (
                  <li key={r.id}>
                    <span class={`chip sev-${r.severity}`}>{t(`severity_${r.severity}`)}</span> <span class="muted small">{r.agency}</span>
                    <div>{ruling(r)}</div>
                    <div class="muted small">{t(`detailsState_${msgKey(r.state)}`)}</div>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {forYouText(m) && (
            <div class="foryou">
              <h4>{t(v.kind === 'vendor' ? 'bannerForYou' : v.kind === 'not-restricted' ? 'detailsWhyNot' : 'detailsWhatIsReported')}</h4>
              <p>{forYouText(m)}</p>
            </div>
          )}
          {sourcesOf(m).length > 0 && (
            <section class="block">
              <h3>{t('bannerSources')}</h3>
              <Sources sources={sourcesOf(m)} />
            </section>
          )}
          <p>
            <button type="button" class="btn" onClick={() => onOpen(v.id)}>
              {t('actionDetails')}
            </button>
          </p>
        </>
      )}
    </aside>
  );
}

