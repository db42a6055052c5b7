// Host access for the content script. Chromium grants the content script's host permissions
// (its match patterns, generated from the vendor data) at install; Firefox's MV3 grants them only
// when the user agrees (and lets the user take it away again), so the onboarding page asks, and the
// popup and the options page say when vendor sites are not covered. Only the patterns already in the manifest are ever asked for.
import browser from './browser';

/** The content script's match patterns, from the built manifest (one per vendor domain). */
export function contentScriptOrigins(): string[] {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  return [...new Set(scripts.flatMap((s) => s.matches ?? []))];
}

/** The origin pattern the browser checks for a page, e.g. `https://www.kaspersky.com/*`; null for non-web URLs. */
function originPattern(url: string): string | null {
  try {
    const u = new URL(url);
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || !u.hostname) return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

/** True when BanWatch may run on this page's host (false for non-web URLs or on error). */
export async function hostAccessGranted(url: string): Promise<boolean> {
  const origin = originPattern(url);
  if (!origin) return false;
  try {
    return await browser.permissions.contains({ origins: [origin] });
  } catch {
    return false;
  }
}

/** True when every vendor domain the content script is meant for is granted. */
export async function allVendorAccessGranted(): Promise<boolean> {
  const origins = contentScriptOrigins();
  if (!origins.length) return true;
  try {
    return await browser.permissions.contains({ origins });
  } catch {
    return false;
  }
}

/** How many vendor domains the content script is meant for are not granted (0 on error: nothing to say). */
export async function missingVendorAccess(): Promise<number> {
  const origins = contentScriptOrigins();
  if (await allVendorAccessGranted()) return 0;
  try {
    const granted = await Promise.all(origins.map((o) => browser.permissions.contains({ origins: [o] })));
    return granted.filter((g) => !g).length;
  } catch {
    return 0;
  }
}

/**
 * Asks for the content script's host permissions. Must be called straight from a click handler
 * (Firefox requires a user action), before any await.
 */
export function requestVendorAccess(): Promise<boolean> {
  return browser.permissions.request({ origins: contentScriptOrigins() });
}
