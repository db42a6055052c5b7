// The results: a table that renders only the rows in view (10,000 rows would be 60,000 cells of
// DOM to lay out on every sort), with a fixed row height so the scroll position alone says which
// rows those are. Keyboard: the row in focus moves with the arrow keys, Page Up/Down, Home and
// End; it is the row the detail panel explains. Column headers sort.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RowResult } from '../core/screen/screen';
import { resultClass, type SortKey } from '../core/screen/results';
import { classText, confidenceText } from '../core/screen/describe';
import { t } from '../shared/format';
import { looked, msg, rowResult, rowWhy } from './text';

export const ROW_HEIGHT = 44;
const OVERSCAN = 10;

export interface Sort {
  key: SortKey;
  descending: boolean;
}

const COLUMNS: { key: SortKey | null; label: string; cls: string }[] = [
  { key: 'row', label: 'screenColRow', cls: 'c-row' },
  { key: 'input', label: 'screenColInput', cls: 'c-input' },
  { key: 'result', label: 'screenColResult', cls: 'c-result' },
  { key: 'entry', label: 'screenColEntry', cls: 'c-entry' },
  { key: 'confidence', label: 'screenColConfidence', cls: 'c-conf' },
  { key: null, label: 'screenColWhy', cls: 'c-why' },
];

export interface ResultsTableProps {
  rows: readonly RowResult[];
  active: number;
  onActive: (index: number) => void;
  sort: Sort;
  onSort: (s: Sort) => void;
}

const chipClass = (r: RowResult) => {
  const c = resultClass(r);
  return c === 'none' ? 'chip-none' : c === 'not-restricted' ? 'sev-none' : c === 'reported-link' || c === 'nothing-in-force' ? 'sev-watch' : `sev-${c}`;
};

export function ResultsTable({ rows, active, onActive, sort, onSort }: ResultsTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const focusRow = useRef(false);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // After a key moved the active row: bring it into view, then focus it once it is rendered.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !focusRow.current) return;
    const head = (el.querySelector('thead') as HTMLElement | null)?.offsetHeight ?? 0;
    const top = active * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight - head) el.scrollTop = top + ROW_HEIGHT - el.clientHeight + head;
    const row = el.querySelector<HTMLElement>(`tr[data-index="${active}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      focusRow.current = false;
    } else setView({ top: el.scrollTop, height: el.clientHeight });
  });

  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const page = Math.max(1, Math.floor(view.height / ROW_HEIGHT) - 1);

  const move = (to: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, to));
    focusRow.current = true;
    onActive(next);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in steps) move(active + steps[e.key]!);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(rows.length - 1);
    else return;
    e.preventDefault();
  };

  return (
    <div class="table-scroll" ref={scroller} onScroll={(e) => setView({ top: (e.currentTarget as HTMLElement).scrollTop, height: (e.currentTarget as HTMLElement).clientHeight })}>
      <table class="results-table" aria-rowcount={rows.length + 1} aria-describedby="table-hint">
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((c) => {
              const sorted = c.key !== null && sort.key === c.key;
              return (
                <th key={c.label} scope="col" class={c.cls} aria-sort={sorted ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                  {c.key ? (
                    <button type="button" class="sort" onClick={() => onSort({ key: c.key!, descending: sorted ? !sort.descending : false })}>
                      {t(c.label)}
                      <span class="sort-mark" aria-hidden="true">
                        {sorted ? (sort.descending ? '▼' : '▲') : ''}
                      </span>
                    </button>
                  ) : (
                    t(c.label)
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {first > 0 && <tr class="spacer" aria-hidden="true" style={{ height: `${first * ROW_HEIGHT}px` }} />}
          {rows.slice(first, last).map((r, k) => {
            const i = first + k;
            const m = r.match;
            return (
              <tr
                key={r.row}
                data-index={i}
                data-row={r.row}
                aria-rowindex={i + 2}
                aria-current={i === active ? "true" : undefined}
                tabIndex={i === active ? 0 : -1}
                class={`${i === active ? 'active' : ''}${m?.grade.confidence === 'low' ? ' low' : ''}`}
                onClick={() => onActive(i)}
              >
                <td class="c-row">{r.row}</td>
                <td class="c-input" title={looked(r)}>
                  {looked(r) || <span class="muted">—</span>}
                </td>
                <td class="c-result" title={rowResult(r)}>
                  <span class={`chip ${chipClass(r)}`}>{classText(resultClass(r), msg)}</span>
                </td>
                <td class="c-entry">{m?.verdict.name ?? ''}</td>
                <td class="c-conf">{m ? <span class={`conf conf-${m.grade.confidence}`}>{confidenceText(m, msg)}</span> : ''}</td>
                <td class="c-why" title={m ? rowWhy(m) : undefined}>
                  {m ? rowWhy(m) : ''}
                </td>
              </tr>
            );
          })}
          {last < rows.length && <tr class="spacer" aria-hidden="true" style={{ height: `${(rows.length - last) * ROW_HEIGHT}px` }} />}
        </tbody>
      </table>
      {rows.length === 0 && <p class="empty-rows">{t('screenNoRowsShown')}</p>}
    </div>
  );
}
