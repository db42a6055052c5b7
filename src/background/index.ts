// Background service worker. Listeners are registered synchronously at the top level (MV3 may
// stop and restart the worker at any time); per-tab state lives in storage.session, never in
// module variables.
import browser from '../shared/browser';
import { orgListCheck } from '../shared/org-list-check';
import { provideOrgListCheck } from '../shared/policy-store';
import { listen } from './router';
import { watchChanges } from './watch';
import { watchInstall } from './onboarding';
import { watchPermissions } from './shopping';
import { watchVendorScripts } from './vendor-scripts';
import { watchStrictMode } from './strict-mode';
import { watchUpdates } from './update-channel';

// An organisation's list in the policy is checked here too, and a service worker may not import()
// the check when it needs it (the pages do).
provideOrgListCheck(orgListCheck);

// Every message from the vendor-site and shopping scripts and from BanWatch's pages.
listen();

// Settings and policy changes: open tabs' verdicts and badges, shopping registrations.
watchChanges();

// Strict mode's redirect rules (refreshed on start and install) and "Proceed this time" grants.
watchStrictMode();

// Firefox asks before granting host access: on install, open the onboarding page when needed.
watchInstall();

// The vendor-site script's overrides for the user's choices: made again on install, update and start.
watchVendorScripts();

// Shopping registrations follow the browser's permissions, and are checked on start and install.
watchPermissions();

// The opt-in data update channel: its daily alarm, and a check when the browser starts.
watchUpdates();

// Earlier versions kept a copy of the policy in storage.local, where any content script can write;
// the copy now lives in IndexedDB (shared/policy-cache.ts). Drop the old one.
browser.runtime.onInstalled.addListener(() => void browser.storage.local.remove('managedPolicyCopy').catch(() => undefined));
