// Honest answers for names that are not the restricted vendor: entries reviewed and found not
// restricted (with the reason), and reported links that are alleged but not established.
import type { NotRestricted, ReportedLink } from '../core/dataset/schema';
import { displayHost } from '../core/host';
import { t } from '../shared/format';
import { Sources } from './Ruling';

type TitleTag = 'h1' | 'h2';

export function NotRestrictedView({
  item,
  host,
  titleId = 'vendor-title',
  titleTag: Title = 'h2',
}: {
  item: NotRestricted;
  host?: string | null;
  titleId?: string;
  titleTag?: TitleTag;
}) {
  const Sub = Title === 'h1' ? 'h2' : 'h3';
  return (
    <div class="vendor entry">
      <header class="v-head">
        <div class="v-chips">
          <span class="chip sev-none">{t('lookupNotRestrictedChip')}</span>
        </div>
        <Title id={titleId} class="v-name">
          {host ? t('detailsNotRestrictedHost', [displayHost(host), item.name]) : t('detailsNotRestrictedName', item.name)}
        </Title>
        {item.aliases.length > 0 && <p class="v-meta muted">{item.aliases.join(', ')}</p>}
      </header>
      <section class="block">
        <Sub>{t('detailsWhyNot')}</Sub>
        <p>{item.reason}</p>
      </section>
      {item.sources.length > 0 && (
        <section class="block">
          <Sub>{t('bannerSources')}</Sub>
          <Sources sources={item.sources} />
        </section>
      )}
    </div>
  );
}

export function ReportedLinkView({
  item,
  vendor,
  host,
  titleId = 'vendor-title',
  titleTag: Title = 'h2',
  onOpenVendor,
}: {
  item: ReportedLink;
  /** The vendor it is alleged to belong to (the verdict's linkedVendor), when the data has it. */
  vendor?: { id: string; name: string } | null;
  host?: string | null;
  titleId?: string;
  titleTag?: TitleTag;
  onOpenVendor?: (id: string) => void;
}) {
  const Sub = Title === 'h1' ? 'h2' : 'h3';
  const vendorName = vendor?.name ?? item.vendor;
  return (
    <div class="vendor entry">
      <header class="v-head">
        <div class="v-chips">
          <span class="chip sev-watch">{t('lookupReportedChip')}</span>
        </div>
        <Title id={titleId} class="v-name">
          {host ? t('detailsReportedHost', [displayHost(host), item.name]) : item.name}
        </Title>
        <p class="v-meta">{t('detailsReportedLine', vendorName)}</p>
      </header>
      <section class="block">
        <Sub>{t('detailsWhatIsReported')}</Sub>
        <p>{item.relationship}</p>
        <p class="note">{t('detailsReportedNoWarning', [item.name, vendorName])}</p>
      </section>
      <section class="block">
        <Sub>{t('bannerSources')}</Sub>
        <Sources sources={item.sources} />
      </section>
      {vendor && onOpenVendor && (
        <p>
          <button type="button" class="btn" onClick={() => onOpenVendor(vendor.id)}>
            {t('detailsSeeVendor', vendorName)}
          </button>
        </p>
      )}
    </div>
  );
}
