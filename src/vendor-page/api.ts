// How the override scripts (overrides/) and the e2e tests (through the DevTools protocol) reach
// the vendor-site script: a global of the content scripts' isolated world, which the page's own
// scripts cannot see.
export const API_NAME = 'banwatchVendorPage';
/** Where an override script that runs before the vendor-site script leaves its word for it. */
export const EARLY_OVERRIDE = 'banwatchVendorOverride';

/** An override script's one action: tell the vendor-site script, or, if it has not run yet, leave word for it. */
export function override(kind: 'hide' | 'show'): void {
  const g = globalThis as Record<string, unknown>;
  const api = g[API_NAME] as VendorPageApi | undefined;
  if (api) api[kind]();
  else g[EARLY_OVERRIDE] = kind;
}

/** What the banner shows, for the e2e tests. */
export interface BannerProbe {
  shown: boolean;
  vendorId: string | null;
  /** In the top layer now. */
  open: boolean;
  /** The fallback text replaces the buttons (the page holds a modal dialog or fullscreen element). */
  modal: boolean;
  texts: string[];
  /** performance.now() when the banner was first put in the page, and when it was last taken out by BanWatch (null: never). */
  shownAt: number | null;
  hiddenAt: number | null;
  /** Who took it out last: an override script, the background's answer, or the user. */
  hiddenBy: 'override' | 'background' | 'user' | null;
  /** The card's box in the viewport. */
  rect: { x: number; y: number; width: number; height: number } | null;
  /** A point at the card's centre hits the banner (nothing of the page's covers it). */
  onTop: boolean;
  /** How many answers from the background the script has applied (a test waits for one instead of sleeping). */
  answers: number;
  buttons: { label: string; x: number; y: number }[];
}

export interface VendorPageApi {
  /** The user's settings silence this host: remove the banner (before the first paint when called at once). */
  hide(): void;
  /** The user's settings warn on this host although the defaults do not. */
  show(): void;
  probe(): BannerProbe;
}
