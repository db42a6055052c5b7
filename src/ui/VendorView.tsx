// A vendor and the rulings that concern it. The popup shows the compact form (headline ruling
// open, the rest collapsible); the details page the full form (every ruling expanded, every
// domain with its evidence, aliases, exclusions, reported links). One component, so the two
// never say different things.
import { leanDataset } from '../shared/dataset-source';
import type { LeanDataset } from '../core/dataset/split';
import type { Vendor } from '../core/dataset/schema';
import { displayHost } from '../core/host';
import type { RulingView, Verdict, VerdictInputs, VendorMatch } from '../core/verdict';
import { formatDay, msgKey, safeHref, t } from '../shared/format';
import { RulingBody, RulingHeading, SeverityChip, Sources, StateChip } from './Ruling';

type VendorVerdict = Extract<Verdict, { kind: 'vendor' }>;

const lang = () => {
  try {
    return (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage();
  } catch {
    return 'en';
  }
};

/** "China" for "CN", in the user's language; the code itself when the browser cannot name it. */
function countryName(code: string): string {
  try {
    return new Intl.DisplayNames([lang()], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Why the vendor gets no warning here, in a sentence. */
function offLine(v: VendorVerdict, minSeverity: string): string {
  switch (v.silenced) {
    case null:
      return '';
    case 'disabled':
      return t('detailsOff_disabled');
    case 'allowlisted':
      return t('detailsOff_allowlisted', displayHost(v.host ?? ''));
    case 'hidden':
      return t('detailsOff_hidden', v.vendor.name);
    case 'snoozed':
      return t('detailsOff_snoozed', v.vendor.name);
    case 'below-threshold':
      return t('detailsOff_below', [t(`severity_${v.explained?.severity ?? 'watch'}`), t(`severity_${minSeverity}`)]);
    case 'authorities-off':
      return t('detailsOff_authorities');
    case 'nothing-in-force':
      return t('detailsOff_nothing', v.vendor.name);
  }
}

function WhyThisSite({ match, vendor }: { match: VendorMatch; vendor: Vendor }) {
  const evidence = t(match.evidence === 'sourced' ? 'evidenceSourced' : 'evidenceBelieved');
  const host = displayHost(match.host);
  const text =
    match.host === match.domain ? t('whyExact', [displayHost(match.domain), vendor.name, evidence]) : t('whySubdomain', [host, displayHost(match.domain), vendor.name, evidence]);
  const source = match.source ? safeHref(match.source) : null;
  return (
    <section class="why" aria-labelledby="why-title">
      <h3 id="why-title">{t('bannerWhy')}</h3>
      <p>
        {text}
        {host !== match.host && <span class="muted"> ({match.host})</span>}
        {match.origin === 'organisation' && <span class="note"> {t('orgListed')}</span>}
      </p>
      {match.note && <p class="note">{match.note}</p>}
      {source && (
        <p>
          <a href={source} target="_blank" rel="noopener noreferrer">
            {t('detailsDomainSource')}
          </a>
        </p>
      )}
    </section>
  );
}

interface VendorViewProps {
  /** The vendor's verdict; by host (popup: with why the current site matched) or by id (details). */
  v: VendorVerdict;
  ctx: VerdictInputs;
  full: boolean;
  titleId?: string;
  /** The vendor name is the page's h1 on the details page; the popup's h1 is the brand. */
  titleTag?: 'h1' | 'h2';
}

function RulingItem({ r, vendor, ctx, full, open }: { r: RulingView; vendor: Vendor; ctx: VerdictInputs; full: boolean; open: boolean }) {
  const ruling = ctx.catalog.ruling(r.id);
  if (!ruling) return null;
  const vendorRuling = vendor.rulings.find((v) => v.ruling === r.id);
  const body = <RulingBody ruling={ruling} vendorRuling={vendorRuling} view={r} state={r.state} today={ctx.today} full={full} />;
  if (open)
    return (
      <article class={`ruling sev-edge-${r.severity}`}>
        <RulingHeading ruling={ruling} view={r} state={r.state} />
        {body}
      </article>
    );
  return (
    <details class="ruling">
      <summary>
        <RulingHeading ruling={ruling} view={r} state={r.state} />
      </summary>
      {body}
    </details>
  );
}

export function VendorView({ v, ctx, full, titleId = 'vendor-title', titleTag: Title = 'h2' }: VendorViewProps) {
  const { vendor, origin, match, explained: view, silenced: off, inactive } = v;
  const rulings = view?.rulings ?? [];
  const links = ctx.catalog.dataset.reportedLinks.filter((l) => l.vendor === vendor.id);
  const Sub = Title === 'h1' ? 'h2' : 'h3';
  return (
    <div class="vendor">
      <header class="v-head">
        <div class="v-chips">
          {view ? <SeverityChip severity={view.severity} /> : <span class="chip sev-none">{t('detailsNothingInForce')}</span>}
          <span class="muted small">{t('detailsForAudience', t(`detailsAudience_${msgKey(ctx.settings.audience)}`))}</span>
        </div>
        <Title id={titleId} class="v-name">
          {vendor.name}
        </Title>
        <p class="v-meta">
          {vendor.legalNames.join(' · ')}
          <span class="muted"> — {countryName(vendor.country)}</span>
        </p>
        {vendor.parent && <p class="v-meta muted">{t('detailsParent', vendor.parent)}</p>}
        {origin === 'organisation' && <p class="note">{t('orgListed')}</p>}
      </header>

      {off && (
        <p class="off" role="note">
          {offLine(v, ctx.settings.minSeverity)}
        </p>
      )}

      {view && view.notOnThisDomain.length > 0 && (
        <ul class="not-here">
          {view.notOnThisDomain.map((x) => (
            <li key={x.id}>{t('detailsNotOnThisSite', [x.shortName, x.note])}</li>
          ))}
        </ul>
      )}

      {rulings.length > 0 && (
        <div class="rulings">
          {!full && <Sub class="sr-only">{t('detailsRulingsTitle')}</Sub>}
          {full && <Sub class="group">{t('detailsRulingsCount', String(rulings.length))}</Sub>}
          {rulings.map((r, i) => (
            <RulingItem key={r.id} r={r} vendor={vendor} ctx={ctx} full={full} open={full || i === 0} />
          ))}
        </div>
      )}

      {match && <WhyThisSite match={match} vendor={vendor} />}

      {full && inactive.length > 0 && (
        <section class="rulings inactive">
          <Sub class="group">{t('detailsInactiveTitle')}</Sub>
          {inactive.map(({ ruling, vendorRuling, state }) => (
            <article class="ruling" key={ruling.id}>
              <div class="r-head">
                <div class="r-agency">{ruling.agency}</div>
                <h3 class="r-title">{ruling.shortName}</h3>
                <div class="r-chips">
                  <StateChip state={state} />
                </div>
              </div>
              <RulingBody ruling={ruling} vendorRuling={vendorRuling} state={state} today={ctx.today} full />
            </article>
          ))}
        </section>
      )}
      {!full && inactive.length > 0 && <p class="muted small">{t('detailsInactiveMore', String(inactive.length))}</p>}

      {full && (
        <>
          {vendor.note && (
            <section class="block">
              <Sub>{t('detailsVendorNote')}</Sub>
              <p>{vendor.note}</p>
            </section>
          )}
          <section class="block">
            <Sub>{t('detailsNamesTitle')}</Sub>
            <dl class="facts">
              <dt>{t('detailsLegalNames')}</dt>
              <dd>{vendor.legalNames.join('; ')}</dd>
              {vendor.aliases.length > 0 && (
                <>
                  <dt>{t('detailsAliases')}</dt>
                  <dd>{vendor.aliases.join(', ')}</dd>
                </>
              )}
              {vendor.affiliates?.length ? (
                <>
                  <dt>{t('detailsAffiliates')}</dt>
                  <dd>{vendor.affiliates.join('; ')}</dd>
                </>
              ) : null}
              <dt>{t('detailsCountry')}</dt>
              <dd>{countryName(vendor.country)}</dd>
            </dl>
          </section>
          <section class="block">
            <Sub>{t('detailsDomainsTitle')}</Sub>
            {vendor.domains.length === 0 ? (
              <p class="muted">{t('detailsNoDomains')}</p>
            ) : (
              <table class="domains">
                <thead>
                  <tr>
                    <th scope="col">{t('detailsDomain')}</th>
                    <th scope="col">{t('detailsEvidence')}</th>
                  </tr>
                </thead>
                <tbody>
                  {vendor.domains.map((d) => {
                    const src = d.source ? safeHref(d.source) : null;
                    return (
                      <tr key={d.domain}>
                        <td class="mono">{displayHost(d.domain)}</td>
                        <td>
                          {t(d.evidence === 'sourced' ? 'evidenceSourced' : 'evidenceBelieved')}
                          {src && (
                            <>
                              {' — '}
                              <a href={src} target="_blank" rel="noopener noreferrer">
                                {t('detailsDomainSource')}
                              </a>
                            </>
                          )}
                          {d.note && <div class="note">{d.note}</div>}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </section>
          {vendor.exclusions?.length ? (
            <section class="block">
              <Sub>{t('detailsExclusionsTitle')}</Sub>
              <ul>
                {vendor.exclusions.map((e) => (
                  <li key={e.domain}>
                    <span class="mono">{displayHost(e.domain)}</span> — {e.reason}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {links.length > 0 && (
            <section class="block">
              <Sub>{t('detailsReportedTitle')}</Sub>
              {links.map((l) => (
                <div class="reported" key={l.id}>
                  <p>
                    <strong>{l.name}</strong> <span class="chip sev-watch">{t('lookupReportedChip')}</span>
                    {l.domains.length > 0 && <span class="muted mono"> {l.domains.join(', ')}</span>}
                  </p>
                  <p>{l.relationship}</p>
                  <Sources sources={l.sources} />
                </div>
              ))}
            </section>
          )}
        </>
      )}
    </div>
  );
}

/** "Dataset 2026.11.30, reviewed through 26 Jun 2026." (the oldest ruling verification, not the build). */
/** The data in use (the bundled data's until the page context, which may hold an accepted update, arrives). */
export function DatasetLine({ meta = leanDataset.meta }: { meta?: LeanDataset['meta'] }) {
  const { version, reviewedThrough } = meta;
  return <p class="dataset muted small">{t('detailsDataset', [version, formatDay(reviewedThrough)])}</p>;
}
