// The build-time banner table (scripts/banner-table-plugin.ts puts it in as a constant).
import type { BannerTable } from './banner-text';

declare const __BANNER_TABLE__: BannerTable;

export const table: BannerTable = __BANNER_TABLE__;
