// The lookup field: one input, results as a listbox (ARIA 1.2 combobox pattern). Arrow keys move,
// Enter opens the entry's details, Escape clears; the result count is announced politely.
import type { ComponentChildren, RefObject } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { displayHost } from '../core/host';
import type { SearchAnswer, SearchHit } from '../core/search';
import { verdict, type VerdictInputs } from '../core/verdict';
import { effectLine, t } from '../shared/format';

interface Described {
  chip: { cls: string; text: string };
  line: string;
}

function matchedLine(hit: SearchHit): string | null {
  const m = hit.matched;
  switch (m.field) {
    case 'name':
      return null;
    case 'alias':
      return t('lookupMatchedAlias', m.text);
    case 'legal-name':
      return t('lookupMatchedLegal', m.text);
    case 'domain':
      return t('lookupMatchedDomain', displayHost(m.text));
    case 'url':
      return t('lookupMatchedUrl', [displayHost(m.text), displayHost(m.domain ?? m.text)]);
  }
}

function describe(hit: SearchHit, ctx: VerdictInputs, cache: Map<string, Described>): Described {
  const key = `${hit.kind}:${hit.id}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const v = verdict(ctx, { id: hit.id });
  let d: Described;
  if (v.kind === 'vendor') {
    const view = v.explained;
    const head = view?.rulings[0];
    d = view && head
      ? { chip: { cls: `sev-${view.severity}`, text: t(`severity_${view.severity}`) }, line: `${effectLine(head)} — ${head.shortName}` }
      : { chip: { cls: 'sev-none', text: t('detailsNothingInForce') }, line: t('detailsOff_nothing', hit.name) };
  } else if (v.kind === 'not-restricted') {
    d = { chip: { cls: 'sev-none', text: t('lookupNotRestrictedChip') }, line: v.item.reason };
  } else if (v.kind === 'reported-link') {
    d = { chip: { cls: 'sev-watch', text: t('lookupReportedChip') }, line: t('lookupReportedLine', v.linkedVendor?.name ?? v.item.vendor) };
  } else {
    d = { chip: { cls: 'sev-none', text: '' }, line: '' };
  }
  cache.set(key, d);
  return d;
}

// Preact's types tie role="combobox" on an <input> to a `list` attribute (a datalist); the ARIA
// 1.2 pattern here uses aria-controls instead.
const COMBOBOX = { role: 'combobox' } as Record<string, string>;

/** What the lookup answers from: loaded after the page's first render (popup/main.tsx). */
export interface LookupData {
  ctx: VerdictInputs;
  run: (query: string) => SearchAnswer;
  vendorCount: number;
}

interface LookupProps {
  /** Null until loaded (a few milliseconds): a query typed before then is answered when it is. */
  lookup: LookupData | null;
  /** The user typed: load the lookup's data now if it is not on its way. */
  onQuery?: () => void;
  onOpen: (id: string) => void;
  inputRef?: RefObject<HTMLInputElement | null>;
  /** Shown while the field is empty (the popup's current-site view). */
  children?: ComponentChildren;
}

export function Lookup({ lookup, onQuery, onOpen, inputRef, children }: LookupProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const cache = useMemo(() => new Map<string, Described>(), [lookup]);
  const answer = useMemo(() => (query.trim() && lookup ? lookup.run(query) : null), [query, lookup]);
  const hits = answer?.hits ?? [];
  const open = hits.length > 0;
  const optionId = (i: number) => `lookup-opt-${i}`;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && open) {
      e.preventDefault();
      setActive((a) => (a + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault();
      setActive((a) => (a <= 0 ? hits.length - 1 : a - 1));
    } else if (e.key === 'Enter' && open) {
      e.preventDefault();
      onOpen(hits[active >= 0 ? active : 0]!.id);
    } else if (e.key === 'Escape' && query) {
      e.preventDefault(); // clear the field rather than close the popup
      setQuery('');
      setActive(-1);
    }
  };

  let status = '';
  if (answer) status = hits.length === 0 ? t('lookupNoResults') : hits.length === 1 ? t('lookupOneResult') : t('lookupResults', String(hits.length));

  return (
    <div class="lookup">
      <label class="sr-only" for="lookup-input">
        {t('lookupLabel')}
      </label>
      <div class="lookup-field">
        <svg class="lookup-icon" viewBox="0 0 20 20" aria-hidden="true">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2" />
          <path d="M13 13l4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </svg>
        <input
          id="lookup-input"
          ref={inputRef}
          type="search"
          {...COMBOBOX}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls="lookup-list"
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          aria-describedby="lookup-hint"
          placeholder={t('lookupPlaceholder')}
          autoComplete="off"
          spellcheck={false}
          value={query}
          onInput={(e) => {
            setQuery((e.currentTarget as HTMLInputElement).value);
            setActive(-1);
            onQuery?.();
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <p id="lookup-hint" class="sr-only">
        {t('lookupHint')}
      </p>
      <p role="status" class="sr-only">
        {status}
      </p>
      <ul id="lookup-list" role="listbox" aria-label={t('lookupListLabel')} class="results" hidden={!open}>
        {answer?.host && !answer.domainListed && open && (
          <li role="presentation" class="results-note">
            {t('lookupUnlistedDomain', displayHost(answer.host))}
          </li>
        )}
        {hits.map((hit, i) => {
          const d = describe(hit, lookup!.ctx, cache);
          const matched = matchedLine(hit);
          return (
            <li
              key={`${hit.kind}:${hit.id}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              class={`result${i === active ? ' active' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onOpen(hit.id)}
              onMouseMove={() => active !== i && setActive(i)}
            >
              <div class="result-top">
                <span class="result-name">{hit.name}</span>
                {d && <span class={`chip ${d.chip.cls}`}>{d.chip.text}</span>}
                {hit.kind === 'vendor' && hit.origin === 'organisation' && <span class="muted small">{t('lookupOrg')}</span>}
              </div>
              {d && <div class="result-line">{d.line}</div>}
              {matched && <div class="result-matched muted">{matched}</div>}
            </li>
          );
        })}
      </ul>
      {answer && !open && (
        <div class="no-results">
          {answer.host ? (
            <p>
              <strong>{t('popupNoRestriction', displayHost(answer.host))}</strong>
            </p>
          ) : (
            <p>
              <strong>{t('lookupNothing', query.trim())}</strong>
            </p>
          )}
          <p class="muted">{t('lookupNothingBody', String(lookup!.vendorCount))}</p>
        </div>
      )}
      {!query && children}
    </div>
  );
}
