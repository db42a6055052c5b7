// The results: a table that renders only the rows in view (10,000 rows would be 60,000 cells of
// DOM to lay out on every sort), with a fixed row height so the scroll position alone says which
// rows those are. Keyboard: the row in focus moves with the arrow keys, Page Up/Down, Home and
// End; it is the row the detail panel explains. Column headers sort.
//
// What a frame costs: the table's elements keep their table roles (explicit, as its CSS display is
// not a table's) but are laid out as blocks and grids, each row a fixed-size box that contains
// its own layout, style and paint, so a row whose text changes lays out alone and the table
// algorithm never runs over every row. A row's element is reused for the row scrolled in, and is
// rendered again only when what it shows changes.
import { Component } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RowResult } from '../core/screen/screen';
import { resultClass, type SortKey } from '../core/screen/results';
import { classText, confidenceText } from '../core/screen/describe';
import { t } from '../shared/format';
import { looked, msg, rowResult, rowWhy } from './text';

const ROW_HEIGHT = 44; // as in screen.css
const OVERSCAN = 1; // rows drawn beyond each edge of the view (each costs layout and paint on a jump)
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

interface ResultsTableProps {
  rows: readonly RowResult[];
  active: number;
  onActive: (index: number) => void;
  sort: Sort;
  onSort: (s: Sort) => void;
  /** After the frame that showed these rows (so what follows them can wait a frame). */
  onDrawn: (rows: readonly RowResult[]) => void;
}

interface RowView {
  looked: string;
  result: string;
  chip: string;
  chipClass: string;
  confidence: string;
  why: string;
}

// A row's words, worked out the first time it scrolls into view and kept: scrolling back and
// forth through 10,000 rows then costs no message look-ups.
const views = new WeakMap<RowResult, RowView>();
function viewOf(r: RowResult): RowView {
  let v = views.get(r);
  if (v) return v;
  const c = resultClass(r);
  const m = r.match;
  v = {
    looked: looked(r),
    result: rowResult(r),
    chip: classText(c, msg),
    chipClass: c === 'none' ? 'chip-none' : c === 'not-restricted' ? 'sev-none' : c === 'reported-link' || c === 'nothing-in-force' ? 'sev-watch' : `sev-${c}`,
    confidence: m ? confidenceText(m, msg) : '',
    why: m ? rowWhy(m) : '',
  };
  views.set(r, v);
  return v;
}

interface RowProps {
  r: RowResult;
  i: number;
  active: boolean;
  onActive: (index: number) => void;
}

class Row extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    return next.r !== this.props.r || next.i !== this.props.i || next.active !== this.props.active;
  }

  override render({ r, i, active, onActive }: RowProps) {
    const v = viewOf(r);
    return (
      <tr role="row" data-index={i} data-row={r.row} aria-rowindex={i + 2} aria-current={active ? 'true' : undefined} tabIndex={active ? 0 : -1} class={active ? 'active' : undefined} onClick={() => onActive(i)}>
        <td role="cell" class="c-row">
          {r.row}
        </td>
        <td role="cell" class="c-input" title={v.looked}>
          {v.looked || <span class="muted">—</span>}
        </td>
        <td role="cell" class="c-result" title={v.result}>
          <span class={`chip ${v.chipClass}`}>{v.chip}</span>
        </td>
        <td role="cell" class="c-entry">
          {r.match?.verdict.name ?? ''}
        </td>
        <td role="cell" class="c-conf">
          {r.match ? <span class={`conf conf-${r.match.grade.confidence}`}>{v.confidence}</span> : ''}
        </td>
        <td role="cell" class="c-why" title={v.why || undefined}>
          {v.why}
        </td>
      </tr>
    );
  }
}

const mod = (n: number, m: number) => ((n % m) + m) % m;

export function ResultsTable({ rows, active, onActive, sort, onSort, onDrawn }: ResultsTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // The box's height, from the ResizeObserver: reading clientHeight on every scroll could force a layout.
  const height = useRef(0);
  // The window of rows to render; state changes (and so renders) only when it moves by a row.
  // No rows until the box is measured: the ResizeObserver reports its height in the same frame.
  const [view, setView] = useState({ first: 0, count: 0 });
  const focusRow = useRef(false);
  const place = (el: HTMLElement) => {
    const next = { first: Math.floor(el.scrollTop / ROW_HEIGHT), count: Math.ceil(height.current / ROW_HEIGHT) + 1 };
    setView((v) => (v.first === next.first && v.count === next.count ? v : next));
  };

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      const first = height.current === 0;
      height.current = entry!.contentRect.height;
      if (!height.current) return; // not shown yet
      // The first rows a frame after the table itself: the results appear in shorter frames.
      if (first) requestAnimationFrame(() => place(el));
      else place(el);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // preact runs effects after the browser has painted.
  const drawn = view.count > 0;
  useEffect(() => {
    if (drawn) onDrawn(rows);
  }, [rows, drawn]);

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
    } else place(el);
  });

  const first = Math.max(0, view.first - OVERSCAN);
  const last = view.count ? Math.min(rows.length, view.first + view.count + OVERSCAN) : 0;
  // Row i is drawn by element (i + shift) mod slots: a scroll by a few rows moves the elements
  // scrolled out to the other end for the rows scrolled in, and the rest keep their rows. A jump
  // by half the window or more (a drag, Page Down) changes shift so that every element stays
  // where it is and only its text changes, which costs less than moving half of them and
  // rewriting those.
  const slots = view.count + 2 * OVERSCAN;
  const keys = useRef({ first: 0, shift: 0 });
  if (2 * Math.abs(first - keys.current.first) >= slots) keys.current.shift = mod(keys.current.shift + keys.current.first - first, slots);
  keys.current.first = first;
  const { shift } = keys.current;
  const page = Math.max(1, view.count - 2);

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
    <div class="table-scroll" ref={scroller} onScroll={(e) => place(e.currentTarget as HTMLElement)}>
      <table class="results-table" role="table" aria-rowcount={rows.length + 1} aria-describedby="table-hint">
        <thead role="rowgroup">
          <tr role="row" aria-rowindex={1}>
            {COLUMNS.map((c) => {
              const sorted = c.key !== null && sort.key === c.key;
              return (
                <th key={c.label} role="columnheader" scope="col" class={c.cls} aria-sort={sorted ? (sort.descending ? 'descending' : 'ascending') : undefined}>
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
        {/* The body is as tall as every row; the rows in view sit below padding for those above. */}
        <tbody role="rowgroup" onKeyDown={onKeyDown} style={{ height: `${rows.length * ROW_HEIGHT}px`, paddingTop: `${first * ROW_HEIGHT}px` }}>
          {rows.slice(first, last).map((r, k) => (
            <Row key={mod(first + k + shift, slots)} r={r} i={first + k} active={first + k === active} onActive={onActive} />
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p class="empty-rows">{t('screenNoRowsShown')}</p>}
    </div>
  );
}
