// The columns to look up (guessed; the user can change them), whether the first row is a header,
// the separator, and the audience whose severity the results show.
import { AUDIENCES, type Audience } from '../core/dataset/severity';
import { columnLetter } from '../core/screen/columns';
import type { SeparatorChoice } from '../core/screen/table';
import { msgKey, t } from '../shared/format';

export interface Setup {
  header: boolean;
  columns: number[];
  separator: SeparatorChoice;
  audience: Audience;
}

const SEPARATORS: [SeparatorChoice, string][] = [
  ['auto', 'screenSep_auto'],
  [',', 'screenSep_comma'],
  [';', 'screenSep_semicolon'],
  ['\t', 'screenSep_tab'],
  ['|', 'screenSep_pipe'],
  ['line', 'screenSep_line'],
];

interface ColumnPickerProps {
  source: string;
  titles: string[];
  /** A first value of each column, to recognise it by. */
  samples: string[];
  rowCount: number;
  setup: Setup;
  onChange: (s: Setup) => void;
}

export function ColumnPicker({ source, titles, samples, rowCount, setup, onChange }: ColumnPickerProps) {
  const toggle = (c: number) => {
    const columns = setup.columns.includes(c) ? setup.columns.filter((x) => x !== c) : [...setup.columns, c].sort((a, b) => a - b);
    onChange({ ...setup, columns });
  };
  return (
    <section class="card setup" aria-labelledby="setup-title">
      <div class="setup-head">
        <h2 id="setup-title">{t('screenSetupTitle')}</h2>
        <p class="muted small">{t('screenSetupSource', [source, String(rowCount)])}</p>
      </div>
      <fieldset class="columns">
        <legend>{t('screenColumnsLegend')}</legend>
        <div class="column-list">
          {titles.map((title, c) => (
            <label class={`column${setup.columns.includes(c) ? ' on' : ''}`} key={c}>
              <input type="checkbox" checked={setup.columns.includes(c)} onChange={() => toggle(c)} />
              <span class="column-name">
                <span class="column-letter" aria-hidden="true">
                  {columnLetter(c)}
                </span>
                <span class="column-title">{title}</span>
              </span>
              {samples[c] && <span class="column-sample muted">{samples[c]}</span>}
            </label>
          ))}
        </div>
        {setup.columns.length === 0 && <p class="note">{t('screenColumnsNone')}</p>}
      </fieldset>
      <div class="setup-row">
        <label class="check">
          <input type="checkbox" checked={setup.header} onChange={() => onChange({ ...setup, header: !setup.header })} />
          {t('screenHeaderRow')}
        </label>
        <label class="field">
          <span>{t('screenSeparator')}</span>
          <select value={setup.separator} onChange={(e) => onChange({ ...setup, separator: (e.currentTarget as HTMLSelectElement).value as SeparatorChoice })}>
            {SEPARATORS.map(([v, k]) => (
              <option value={v} key={k}>
                {t(k)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('screenAudience')}</span>
          <select id="audience" value={setup.audience} onChange={(e) => onChange({ ...setup, audience: (e.currentTarget as HTMLSelectElement).value as Audience })}>
            {AUDIENCES.map((a) => (
              <option value={a} key={a}>
                {t(`optionsAudience_${msgKey(a)}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}
