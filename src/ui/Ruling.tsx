// One ruling, explained: what it does, what it means for the reader, key dates with where each
// stands today, scope, whom it binds, citations and sources. Used by the popup and the details
// page through VendorView.
import type { ComponentChildren } from 'preact';
import type { Ruling, Vendor } from '../core/dataset/schema';
import type { RulingView } from '../core/verdict';
import { daysBetween } from '../core/dates';
import { phasesFor, STICKY_STATES } from '../core/dataset/status';
import { daysSinceVerified, isStale } from '../core/dataset/freshness';
import { timelineFor, type TimelineEntry } from '../core/dataset/timeline';
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

function KeyDates({ ruling, vendorRuling, state, today, since }: { ruling: Ruling; vendorRuling?: Vendor['rulings'][number] | undefined; state: string; today: string; since?: string | undefined }) {
  const phases = phasesFor(ruling, vendorRuling);
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

/** Every dated step of the ruling for this vendor: phases and events, oldest first (details page). */
function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <ol class="timeline">
      {entries.map((e, i) => (
        <li key={i} class={`tl tl-${e.kind}${e.past ? ' past' : ''}`}>
          <span class="d">
            {e.approximate && <span class="approx">{t('detailsApproximate')} </span>}
            <time dateTime={e.date}>{formatDay(e.date)}</time>
          </span>
          <span class="k">{t(`detailsEvent_${msgKey(e.kind)}`)}</span>
          <span class="c">
            {e.text}
            {e.status && <span class="muted"> ({t('detailsBecomes', t(`detailsState_${msgKey(e.status)}`))})</span>}
            {e.domains && <span class="muted small"> {t('detailsOnlyOn', e.domains.join(', '))}</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** When the ruling was last checked against its sources, and a warning when that is too long ago. */
function Freshness({ ruling, today }: { ruling: Ruling; today: string }) {
  if (!ruling.lastVerified) return null;
  const stale = isStale(ruling, today);
  return (
    <p class={`fresh${stale ? ' stale' : ''}`}>
      {t('detailsLastVerified', formatDay(ruling.lastVerified))}
      {stale && <strong> {t('detailsStale', String(daysSinceVerified(ruling, today)))}</strong>}
    </p>
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
      <Freshness ruling={ruling} today={today} />
      {full ? (
        <Section title={t('detailsTimeline')}>
          <Timeline entries={view?.timeline ?? timelineFor(ruling, today, vendorRuling)} />
          {vendorRuling?.since && <p class="note">{t('detailsListedSince')} {formatDay(vendorRuling.since)}.</p>}
          {ruling.status.note && (
            <p class="note">
              {t('detailsStatusAsOf', formatDay(ruling.status.asOf))} {ruling.status.note}
            </p>
          )}
        </Section>
      ) : (
        <Section title={t('bannerKeyDates')}>
          <KeyDates ruling={ruling} vendorRuling={vendorRuling} state={state} today={today} since={vendorRuling?.since} />
          {ruling.status.note && (
            <p class="note">
              {t('detailsStatusAsOf', formatDay(ruling.status.asOf))} {ruling.status.note}
            </p>
          )}
        </Section>
      )}
      <Section title={t('bannerScope')}>
        {view?.domainNote && <p class="note">{view.domainNote}</p>}
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
