// The printable report (rendered only for printing, into #print-root): what was screened, against
// which data, for whom; the counts; every row in the table's current order and filter, with the
// ruling and its citation; and the sources, numbered, that the rows refer to.
import { dataset } from '../core/dataset';
import type { Audience } from '../core/dataset/severity';
import { audienceText, classText, forYouText, sourcesOf } from '../core/screen/describe';
import { countRows, RESULT_CLASSES } from '../core/screen/results';
import type { RowResult } from '../core/screen/screen';
import type { Source } from '../core/screen/verdict';
import { t } from '../shared/format';
import { Logo } from '../ui/Logo';
import { confidenceText } from '../core/screen/describe';
import { asOf, day, looked, msg, rowResult, rowWhy, ruling } from './text';

interface ReportProps {
  source: string;
  columns: string[];
  audience: Audience;
  all: readonly RowResult[];
  shown: readonly RowResult[];
  filtered: boolean;
  screenedOn: string;
}

export function Report({ source, columns, audience, all, shown, filtered, screenedOn }: ReportProps) {
  const counts = countRows(all);
  const sources: Source[] = [];
  const number = new Map<string, number>();
  for (const r of shown) {
    if (!r.match) continue;
    for (const s of sourcesOf(r.match)) if (!number.has(s.url)) number.set(s.url, sources.push(s));
  }
  return (
    <article class="report">
      <header class="report-head">
        <Logo size={28} />
        <div>
          <h1>{t('screenReportTitle')}</h1>
          <p>{t('screenReportLine', [source, day(screenedOn)])}</p>
        </div>
      </header>
      <dl class="report-facts">
        <dt>{t('screenReportData')}</dt>
        <dd>{t('detailsDataset', [dataset.meta.version, day(dataset.meta.reviewedOn)])}</dd>
        <dt>{t('screenAudience')}</dt>
        <dd>{audienceText(audience, msg)}</dd>
        <dt>{t('screenReportColumns')}</dt>
        <dd>{columns.join(', ')}</dd>
        <dt>{t('screenReportCounts')}</dt>
        <dd>
          {t('screenReportRows', String(counts.total))}:{' '}
          {RESULT_CLASSES.filter((c) => counts[c] > 0)
            .map((c) => `${counts[c]} ${classText(c, msg).toLowerCase()}`)
            .join(', ')}
        </dd>
      </dl>
      {filtered && <p class="note">{t('screenReportFiltered', [String(shown.length), String(all.length)])}</p>}
      <table class="report-table">
        <thead>
          <tr>
            <th scope="col">{t('screenColRow')}</th>
            <th scope="col">{t('screenColInput')}</th>
            <th scope="col">{t('screenColResult')}</th>
            <th scope="col">{t('screenReportMatch')}</th>
            <th scope="col">{t('screenRulings')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => {
            const m = r.match;
            const v = m?.verdict;
            return (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>{looked(r)}</td>
                <td>{rowResult(r)}</td>
                <td>
                  {m && v && (
                    <>
                      <strong>{v.name}</strong>
                      <div class="small">
                        {rowWhy(m)} ({confidenceText(m, msg).toLowerCase()})
                      </div>
                    </>
                  )}
                </td>
                <td>
                  {v?.kind === 'vendor' &&
                    v.rulings.map((x) => (
                      <div key={x.id}>
                        {ruling(x)} <sup>{x.sources.map((s) => number.get(s.url)).join(',')}</sup>
                      </div>
                    ))}
                  {m && <div class="small muted">{forYouText(m)}</div>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="note">{t('screenReportNoMatch', day(asOf))}</p>
      {sources.length > 0 && (
        <section>
          <h2>{t('bannerSources')}</h2>
          <ol class="report-sources">
            {sources.map((s) => (
              <li key={s.url}>
                {s.title} — {s.publisher}
                {s.primary ? ` (${t('sourcePrimary')})` : ''}. <span class="url">{s.url}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
