// The filters over the results: matched or not, result (severity and the other outcomes, with
// counts), authority, and the lowest confidence shown.
import { AUTHORITIES } from '../core/dataset/constants';
import { classText } from '../core/screen/describe';
import { RESULT_CLASSES, type ResultSet, type RowFilter } from '../core/screen/results';
import { msgKey, t } from '../shared/format';
import { msg } from './text';

export function Filters({ filter, onFilter, results }: { filter: RowFilter; onFilter: (f: RowFilter) => void; results: ResultSet }) {
  // Counted as the rows arrived, not here.
  const { counts } = results;
  const authorities = AUTHORITIES.filter((a) => results.authorities.has(a));
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
