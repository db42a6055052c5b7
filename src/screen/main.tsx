// Supplier screening: src/screen/index.html, reached from the popup and the options page. A list
// of suppliers (a CSV or TSV file, or pasted text) is screened with the popup's own lookup
// (src/core/screen); the results can be filtered, sorted, explained row by row, exported as CSV
// and printed as a report with its sources. Everything happens on this device: the file is read
// by the page and never sent anywhere.
import { render } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from '../shared/browser';
import { dataset } from '../core/dataset';
import type { Audience } from '../core/dataset/severity';
import { columnTitles, guessColumns } from '../core/screen/columns';
import { exportCsv } from '../core/screen/export';
import { filterRows, NO_FILTER, ResultSet, type RowFilter } from '../core/screen/results';
import { inputRows, type RowResult } from '../core/screen/screen';
import { decodeBytes, MAX_BYTES, readTableInPieces, type Table, type TableError } from '../core/screen/table';
import type { Ruling, Vendor } from '../core/dataset/schema';
import { download } from '../shared/download';
import { msgKey, t } from '../shared/format';
import { today as todayIso } from '../core/dates';
import { detailsUrl } from '../shared/pages';
import { loadSettings } from '../shared/settings-store';
import { Logo } from '../ui/Logo';
import { ColumnPicker, type Setup } from './ColumnPicker';
import { InputPanel } from './InputPanel';
import { Report } from './Report';
import { ResultsTable, type Sort } from './ResultsTable';
import { RowDetail } from './RowDetail';
import { Filters } from './Filters';
import { Progress, ProgressBar, ProgressText } from './Progress';
import { nextFrame, screenInWorker, type Run } from './run';
import { day, msg } from './text';
import '../shared/page.css';
import '../ui/ui.css';
import './screen.css';

interface Loaded {
  source: string;
  text: string;
  table: Table;
}

interface Org {
  vendors: Vendor[];
  rulings: Ruling[];
}

type Phase = { kind: 'idle' } | { kind: 'reading' } | { kind: 'screening'; progress: Progress } | { kind: 'done'; cancelled: boolean };

const NO_ORG: Org = { vendors: [], rulings: [] };
const NO_RESULTS = new ResultSet();

const errorText = (code: TableError['code'] | 'no-rows') => t(`screenError_${msgKey(code)}`);

function openDetails(id: string): void {
  void browser.tabs.create({ url: detailsUrl(id) });
}

/**
 * The row detail, a frame behind the table's rows: when the rows change (the results appear, a
 * sort, a filter) the table draws them in one frame and the detail, as costly to lay out, follows
 * in the next (`drawn`: the rows the table has shown), rather than both in one frame twice as
 * long. Moving between rows updates it at once.
 */
function LaggingDetail({ rows, drawn, active }: { rows: readonly RowResult[]; drawn: readonly RowResult[] | null; active: number }) {
  const shown = useRef<RowResult | undefined>(undefined);
  if (drawn === rows) shown.current = rows[active];
  return <RowDetail row={shown.current} onOpen={openDetails} />;
}

function App() {
  const [org, setOrg] = useState<Org>(NO_ORG);
  const [setup, setSetup] = useState<Setup | null>(null);
  const [audience, setAudience] = useState<Audience>('federal-contractor');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [results, setResults] = useState(NO_RESULTS);
  const [filter, setFilter] = useState<RowFilter>(NO_FILTER);
  const [sort, setSort] = useState<Sort>({ key: 'row', descending: false });
  const [active, setActive] = useState(0);
  const [drawn, setDrawn] = useState<readonly RowResult[] | null>(null);
  const run = useRef<Run | null>(null);
  const today = useMemo(() => todayIso(), []);

  // The bundled data answers at once; an organisation's own vendor list (enterprise policy, which
  // Chromium can take seconds to hand over in a new session) joins from its cached copy.
  useEffect(() => {
    void loadSettings()
      .then(({ settings, policy }) => {
        setAudience(settings.audience);
        if (policy.organisationVendors.length || policy.organisationRulings.length) setOrg({ vendors: policy.organisationVendors, rulings: policy.organisationRulings });
      })
      .catch(() => undefined);
  }, []);


  const table = loaded?.table ?? null;
  const titles = useMemo(() => (table && setup ? columnTitles(table.rows, setup.header, (l) => t('screenColumn', l)) : []), [table, setup?.header]);

  const start = useCallback(
    (l: Loaded, s: Setup) => {
      run.current?.cancel();
      setError(null);
      const input = inputRows(l.table, s.header);
      if ('error' in input) {
        setError(errorText(input.error.code));
        setPhase({ kind: 'idle' });
        return;
      }
      if (s.columns.length === 0) {
        setResults(NO_RESULTS);
        setPhase({ kind: 'idle' });
        return;
      }
      const progress = new Progress(input.rows.length);
      setPhase({ kind: 'screening', progress });
      const job = { text: l.text, separator: l.table.separator ?? 'line', header: s.header, columns: s.columns, audience: s.audience, today, org } as const;
      const r = screenInWorker(job, progress.set);
      run.current = r;
      r.done.then(
        ({ results: rows, cancelled }) => {
          if (run.current !== r) return; // a newer run replaced this one
          setResults(rows);
          setActive(0);
          setPhase({ kind: 'done', cancelled });
        },
        (e: unknown) => {
          setError(String(e));
          setPhase({ kind: 'idle' });
        },
      );
    },
    [today, org],
  );

  const load = async (source: string, text: string, separator: Setup['separator'] = 'auto', keep?: Pick<Setup, 'audience'>) => {
    run.current?.cancel();
    setPhase({ kind: 'reading' });
    // A 10,000-row file takes longer to read than a frame: read it a few hundred rows at a time.
    const read = await readTableInPieces(text, separator, nextFrame);
    if ('error' in read) {
      setPhase({ kind: 'idle' });
      setError(errorText(read.error.code));
      return;
    }
    await nextFrame();
    const guess = guessColumns(read.table.rows);
    await nextFrame(); // reading the last rows, guessing the columns and drawing them: a frame each
    const next: Setup = { header: guess.header, columns: guess.columns, separator, audience: keep?.audience ?? audience };
    const l = { source, text, table: read.table };
    setLoaded(l);
    setSetup(next);
    setFilter(NO_FILTER);
    setResults(NO_RESULTS);
    start(l, next);
  };

  const onFile = (file: File) => {
    if (file.size > MAX_BYTES) {
      setError(errorText('too-large'));
      return;
    }
    void file.arrayBuffer().then((buffer) => {
      const decoded = decodeBytes(new Uint8Array(buffer));
      if ('error' in decoded) setError(errorText(decoded.error.code));
      else void load(file.name, decoded.text);
    });
  };

  // The organisation's list arrived after a list was screened: screen it again with it.
  const latest = useRef({ loaded, setup });
  latest.current = { loaded, setup };
  useEffect(() => {
    const { loaded: l, setup: s } = latest.current;
    if (org !== NO_ORG && l && s) start(l, s);
  }, [org, start]);

  const changeSetup = (next: Setup) => {
    if (!loaded || !setup) return;
    if (next.separator !== setup.separator) {
      // Another separator means other columns: load() guesses them again.
      return void load(loaded.source, loaded.text, next.separator, next);
    }
    setSetup(next);
    start(loaded, next);
  };

  const shown = useMemo(() => results.sort(filterRows(results.rows, filter), sort.key, sort.descending), [results, filter, sort]);
  useEffect(() => setActive((a) => Math.min(a, Math.max(0, shown.length - 1))), [shown]);

  const chosen = setup ? setup.columns.map((c) => titles[c] ?? '') : [];
  const samples = useMemo(() => {
    const body = table && setup ? table.rows.slice(setup.header ? 1 : 0, 200) : [];
    return titles.map((_, c) => body.find((r) => r[c])?.[c] ?? '');
  }, [table, titles, setup?.header]);
  const rowCount = useMemo(() => {
    const input = table && setup ? inputRows(table, setup.header) : null;
    return input && 'rows' in input ? input.rows.length : 0;
  }, [table, setup?.header]);
  const exportFile = () => {
    if (!loaded || !setup) return;
    const csv = exportCsv(shown, { msg, audience: setup.audience, version: dataset.meta.version, asOf: dataset.meta.reviewedOn, columns: chosen, separator: loaded.table.separator ?? ',' });
    const base = loaded.source.replace(/\.[^.]+$/, '') || 'suppliers';
    download(`${base}-banwatch-${today}.csv`, 'text/csv;charset=utf-8', '\ufeff' + csv); // the BOM tells Excel it is UTF-8
  };

  // The printed report is rendered only when printing (Ctrl+P or the button), not with every change.
  const reportProps = useRef<Parameters<typeof Report>[0] | null>(null);
  reportProps.current =
    loaded && setup && phase.kind === 'done'
      ? { source: loaded.source, columns: chosen, audience: setup.audience, all: results.rows, shown, filtered: shown.length !== results.rows.length, screenedOn: today }
      : null;
  useEffect(() => {
    const root = document.getElementById('print-root')!;
    const before = () => reportProps.current && render(<Report {...reportProps.current} />, root);
    const after = () => render(null, root);
    addEventListener('beforeprint', before);
    addEventListener('afterprint', after);
    return () => {
      removeEventListener('beforeprint', before);
      removeEventListener('afterprint', after);
    };
  }, []);

  const screening = phase.kind === 'screening';
  const hasResults = phase.kind === 'done' && results.rows.length > 0;
  // The results are built hidden in one frame and shown (styled and laid out) in the next: two
  // shorter frames rather than one (preact runs effects after the browser has painted).
  const [revealed, setRevealed] = useState(false);
  useEffect(() => setRevealed(phase.kind === 'done'), [phase.kind === 'done']);

  return (
    <>
      <header class="bar">
        <div class="bar-in">
          <Logo size={26} />
          <span class="brand">BanWatch</span>
          <h1 class="page-title">{t('screenTitle')}</h1>
          <button type="button" class="btn" disabled={!hasResults} onClick={exportFile}>
            {t('screenExport')}
          </button>
          <button type="button" class="btn" disabled={!hasResults} onClick={() => window.print()}>
            {t('screenPrint')}
          </button>
        </div>
      </header>
      <main class="screen-main">
        {!loaded && <p class="intro">{t('screenIntro')}</p>}
        <InputPanel onFile={onFile} onText={(text) => void load(t('screenPastedSource'), text)} compact={loaded !== null} />
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {loaded && setup && (
          <ColumnPicker
            source={loaded.source}
            titles={titles}
            samples={samples}
            rowCount={rowCount}
            setup={setup}
            onChange={(s) => {
              if (s.audience !== setup.audience) setAudience(s.audience);
              changeSetup(s);
            }}
          />
        )}
        <div class="status-line" role="status" aria-live="polite">
          {phase.kind === 'reading' && t('screenReading')}
          {screening && <ProgressText progress={phase.progress} />}
          {phase.kind === 'done' && (phase.cancelled ? t('screenCancelled', String(results.rows.length)) : t('screenDone', [String(results.rows.length), day(dataset.meta.reviewedOn)]))}
        </div>
        {screening && <ProgressBar progress={phase.progress} onCancel={() => run.current?.cancel()} />}
        {phase.kind === 'done' && (
          <section class="results" hidden={!revealed} aria-busy={drawn !== shown} aria-labelledby="results-title">
            <h2 id="results-title" class="sr-only">
              {t('screenResultsTitle')}
            </h2>
            <Filters filter={filter} onFilter={setFilter} results={results} />
            <p id="table-hint" class="muted small">
              {t('screenTableHint', [String(shown.length), String(results.rows.length)])}
            </p>
            <div class="results-grid">
              <ResultsTable rows={shown} active={active} onActive={setActive} sort={sort} onSort={setSort} onDrawn={setDrawn} />
              <LaggingDetail rows={shown} drawn={drawn} active={active} />
            </div>
          </section>
        )}
      </main>
      <footer class="screen-foot muted small">{t('detailsDataset', [dataset.meta.version, day(dataset.meta.reviewedOn)])}</footer>
    </>
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
render(<App />, document.getElementById('app')!);
