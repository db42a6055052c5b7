// Options: undoing banner actions — sites allowed, vendors hidden, vendors snoozed.
import { t } from '../../shared/format';
import { leanDataset } from '../../shared/dataset-source';
import { displayHost } from '../../core/host';
import { RemovableList, Section } from '../controls';
import type { SettingsProps } from '../use-options';

function vendorName(id: string): string {
  return leanDataset.vendors.find((v) => v.id === id)?.name ?? id;
}

export function ExceptionsSection({ state, set }: SettingsProps) {
  const s = state.settings;
  const locked = state.locked;
  const adminSites = new Set(state.adminSites);
  const snoozed = Object.entries(s.snoozed);
  return (
    <Section id="exceptions" title={t('optionsExceptionsTitle')} intro={t('optionsExceptionsIntro')}>
      <RemovableList
        id="allowed-sites"
        title={t('optionsAllowedTitle')}
        empty={t('optionsAllowedEmpty')}
        disabled={locked.includes('allowedSites')}
        rows={s.allowedSites.map((h) => ({
          key: h,
          label: displayHost(h),
          detail: adminSites.has(h) ? t('optionsAllowedByOrg') : undefined,
          locked: adminSites.has(h) || locked.includes('allowedSites'),
          removeLabel: t('optionsRemoveSite', displayHost(h)),
          onRemove: () => set((now) => ({ allowedSites: now.allowedSites.filter((x) => x !== h) }), t('optionsRemovedSite', displayHost(h))),
        }))}
      />
      <RemovableList
        id="hidden-vendors"
        title={t('optionsHiddenTitle')}
        empty={t('optionsHiddenEmpty')}
        rows={s.hiddenVendors.map((id) => ({
          key: id,
          label: vendorName(id),
          locked: locked.includes('hiddenVendors'),
          removeLabel: t('optionsRemoveVendor', vendorName(id)),
          onRemove: () => set((now) => ({ hiddenVendors: now.hiddenVendors.filter((x) => x !== id) }), t('optionsRemovedVendor', vendorName(id))),
        }))}
      />
      <RemovableList
        id="snoozed"
        title={t('optionsSnoozedTitle')}
        empty={t('optionsSnoozedEmpty')}
        rows={snoozed.map(([id]) => ({
          key: id,
          label: vendorName(id),
          detail: t('optionsSnoozedDetail'),
          locked: locked.includes('snoozed'),
          removeLabel: t('optionsRemoveSnooze', vendorName(id)),
          onRemove: () => {
            void set((now) => {
              const next = { ...now.snoozed };
              delete next[id];
              return { snoozed: next };
            }, t('optionsRemovedSnooze', vendorName(id)));
          },
        }))}
      />
    </Section>
  );
}
