// One ruling, explained: what it does, what it means for the reader, key dates with where each
// stands today, scope, whom it binds, citations and sources. Used by the popup and the details
// page through VendorView.
import type { ComponentChildren } from 'preact';
import type { Ruling, Vendor } from '../core/dataset/schema';
import type { RulingView } from '../core/verdict';
import { daysBetween } from '../core/dates';
import { STICKY_STATES } from '../core/dataset/status';
import { effectLine, formatDay, msgKey, safeHref, t } from '../shared/format';

export function StateChip({ state }: { state: string }) {
  const tone = state === 'in-force' || state === 'partly-in-force' ? 'on' : state === 'lifted' || state === 'superseded' ? 'off' : 'pending';
  return <span class={`state state-${tone}`}>{t(`detailsState_${msgKey(state)}`)}</span>;
}

export function SeverityChip({ severity }: { severity: string }) {
  return <span class={`chip sev-${severity}`}>{t(`severity_${severity}`)}</span>;
}

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="r-sec">
      <h4>{title}</h4>
      {children}
    </section>
  );
}

function phaseLabel(state: string, date: string, today: string): { text: string; on: boolean } {
  if ((STICKY_STATES as ReadonlySet<string>).has(state)) return { text: t(`detailsState_${msgKey(state)}`), on: false };
  const days = daysBetween(today, date);
  if (days <= 0) return { text: t('phaseInForce'), on: true };
  return { text: days === 1 ? t('detailsInOneDay') : t('detailsInDays', String(days)), on: false };
}

function KeyDates({ ruling, state, today, since }: { ruling: Ruling; state: string; today: string; since?: string | undefined }) {
  const phases = [...ruling.phases].sort((a, b) => (a.date < b.date ? -1 : 1));
  return (
    <ol class="dates">
      {since && !phases.some((p) => p.date === since) && (
        <li>
          <span class="d">{formatDay(since)}</span>
          <span class={`ph ${since <= today ? 'on' : ''}`}>{since <= today ? t('phaseInForce') : t('detailsInDays', String(daysBetween(today, since)))}</span>
          <span class="c">{t('detailsListedSince')}</span>
        </li>
      )}
      {phases.map((p) => {
        const label = phaseLabel(state, p.date, today);
        return (
          <li key={p.date + p.change}>
            <span class="d">{formatDay(p.date)}</span>
            <span class={`ph ${label.on ? 'on' : ''}`}>{label.text}</span>
            <span class="c">{p.change}</span>
          </li>
        );
      })}
    </ol>
  );
}

export function Sources({ sources }: { sources: Ruling['sources'] }) {
  return (
    <ul class="sources">
      {sources.map((s) => {
        const href = safeHref(s.url);
        return (
          <li key={s.url}>
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {s.title}
              </a>
            ) : (
              s.title
            )}{' '}
            <span class="muted">
              — {s.publisher}
              {s.primary ? ` (${t('sourcePrimary')})` : ''}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

interface RulingProps {
  ruling: Ruling;
  vendorRuling: Vendor['rulings'][number] | undefined;
  /** The applicable view (severity, for-you line for the reader's audience); absent for inactive rulings. */
  view?: RulingView;
  state: string;
  today: string;
  /** Show everything (details page) rather than the essentials (popup). */
  full: boolean;
}

/** Title line: agency, short name, chips. Used in <summary> and as a section heading. */
export function RulingHeading({ ruling, view, state, level = 3 }: { ruling: Ruling; view?: RulingView | undefined; state: string; level?: 3 | 4 }) {
  const H = level === 3 ? 'h3' : 'h4';
  return (
    <div class="r-head">
      <div class="r-agency">{ruling.agency}</div>
      <H class="r-title">{ruling.shortName}</H>
      <div class="r-chips">
        {view && <SeverityChip severity={view.severity} />}
        <StateChip state={state} />
      </div>
    </div>
  );
}

/** The body of a ruling; the heading is rendered by the caller (section or summary). */
export function RulingBody({ ruling, vendorRuling, view, state, today, full }: RulingProps) {
  const scope = vendorRuling?.scope ?? ruling.scope;
  const line = view ? effectLine(view) : null;
  return (
    <div class="r-body">
      {line && <p class="r-line">{line}</p>}
      {view && (
        <div class="foryou">
          <h4>{t('bannerForYou')}</h4>
          <p>{view.forYou}</p>
        </div>
      )}
      {(full || !view) && <p>{ruling.summary}</p>}
      <Section title={t('bannerKeyDates')}>
        <KeyDates ruling={ruling} state={state} today={today} since={vendorRuling?.since} />
        {ruling.status.note && (
          <p class="note">
            {t('detailsStatusAsOf', formatDay(ruling.status.asOf))} {ruling.status.note}
          </p>
        )}
      </Section>
      <Section title={t('bannerScope')}>
        {scope && <p>{scope}</p>}
        {vendorRuling?.entities?.length ? <p>{t('detailsEntities', vendorRuling.entities.join('; '))}</p> : null}
        <p>{t('bannerBinds', ruling.binds.map((b) => t(`binds_${msgKey(b)}`)).join(', '))}</p>
        {ruling.doesNotBind && <p class="note">{ruling.doesNotBind}</p>}
        {full && <p class="note">{t('detailsProhibits', ruling.prohibits)}</p>}
        {vendorRuling?.note && <p class="note">{vendorRuling.note}</p>}
      </Section>
      <Section title={t('detailsInstrument')}>
        <p>
          <span class="official">{ruling.officialName}</span>
          {ruling.office && <span class="muted"> — {ruling.office}</span>}
        </p>
        <p class="cite">{ruling.citations.join(' · ')}</p>
        {full && (
          <p class="muted">
            {t('detailsLegalAuthority', ruling.legalAuthority)}
            {ruling.published ? ` · ${t('detailsPublished', formatDay(ruling.published))}` : ''}
            {ruling.announced ? ` · ${t('detailsAnnounced', formatDay(ruling.announced))}` : ''}
          </p>
        )}
      </Section>
      <Section title={t('bannerSources')}>
        <Sources sources={ruling.sources} />
      </Section>
    </div>
  );
}
