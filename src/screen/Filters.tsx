// The filters over the results: matched or not, result (severity and the other outcomes, with
// counts), authority, and the lowest confidence shown.
import { useMemo } from 'preact/hooks';
import type { Authority } from '../core/dataset/schema';
import { AUTHORITIES } from '../core/dataset/constants';
import { classText } from '../core/screen/describe';
import { authoritiesOf, countRows, RESULT_CLASSES, type RowFilter } from '../core/screen/results';
import type { RowResult } from '../core/screen/screen';
import { msgKey, t } from '../shared/format';
import { msg } from './text';

export function Filters({ filter, onFilter, rows }: { filter: RowFilter; onFilter: (f: RowFilter) => void; rows: readonly RowResult[] }) {
  const counts = useMemo(() => countRows(rows), [rows]);
  const authorities = useMemo(() => {
    const seen = new Set<Authority>();
    for (const r of rows) for (const a of authoritiesOf(r)) seen.add(a);
    return AUTHORITIES.filter((a) => seen.has(a));
  }, [rows]);
  const select = <K extends keyof RowFilter>(key: K, id: string, label: string, options: [RowFilter[K], string][]) => (
    <label class="field">
      <span>{t(label)}</span>
      <select id={id} value={filter[key]} onChange={(e) => onFilter({ ...filter, [key]: (e.currentTarget as HTMLSelectElement).value })}>
        {options.map(([v, text]) => (
          <option value={v} key={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div class="filters" role="group" aria-label={t('screenFilters')}>
      {select('show', 'filter-show', 'screenFilterShow', [
        ['all', t('screenShow_all', String(counts.total))],
        ['matched', t('screenShow_matched', String(counts.matched))],
        ['unmatched', t('screenShow_unmatched', String(counts.total - counts.matched))],
      ])}
      {select('result', 'filter-result', 'screenFilterResult', [
        ['any', t('screenAny')],
        ...RESULT_CLASSES.filter((c) => counts[c] > 0).map((c): [RowFilter['result'], string] => [c, `${classText(c, msg)} (${counts[c]})`]),
      ])}
      {select('authority', 'filter-authority', 'screenFilterAuthority', [['any', t('screenAny')], ...authorities.map((a): [RowFilter['authority'], string] => [a, t(`optionsAuthority_${msgKey(a)}`)])])}
      {select('minConfidence', 'filter-confidence', 'screenFilterConfidence', [
        ['low', t('screenConfidenceAll')],
        ['medium', t('screenConfidenceMedium')],
        ['high', t('screenConfidenceHigh')],
      ])}
    </div>
  );
}
