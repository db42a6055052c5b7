// `npm test` on a fresh machine (issue 14, item 6): which browsers are missing and what
// scripts/ensure-deps.mjs does about it, decided from injected PATH/CHROME_PATH and file probes,
// so no browser has to be uninstalled to test it.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper run by `npm test` before node_modules may exist
import { browserPlan, missingBrowsers } from '../../scripts/browser-deps.mjs';

const only = (...paths: string[]) => ({ exists: (p: string) => paths.includes(p), executable: (p: string) => paths.includes(p) });

describe('missingBrowsers', () => {
  it('finds nothing missing where Debian puts both browsers', () => {
    expect(missingBrowsers({ PATH: '/usr/local/bin:/usr/bin' }, only('/usr/bin/chromium', '/usr/bin/firefox-esr'))).toEqual([]);
  });

  it('names both Debian packages on a machine with neither', () => {
    expect(missingBrowsers({ PATH: '/usr/local/bin:/usr/bin' }, only())).toEqual(['chromium', 'firefox-esr']);
  });

  it('takes CHROME_PATH when it exists, and only then', () => {
    const probe = only('/opt/chromium/chrome', '/usr/bin/firefox-esr');
    expect(missingBrowsers({ PATH: '/usr/bin', CHROME_PATH: '/opt/chromium/chrome' }, probe)).toEqual([]);
    expect(missingBrowsers({ PATH: '/usr/bin', CHROME_PATH: '/opt/none/chrome' }, probe)).toEqual(['chromium']);
  });

  it('looks for firefox-esr on PATH only (a firefox binary is not what the smoke test drives)', () => {
    const probe = only('/usr/bin/chromium', '/usr/bin/firefox', '/home/me/bin/firefox-esr');
    expect(missingBrowsers({ PATH: '/usr/bin' }, probe)).toEqual(['firefox-esr']);
    expect(missingBrowsers({ PATH: '/usr/bin:/home/me/bin' }, probe)).toEqual([]);
    expect(missingBrowsers({}, probe)).toEqual(['firefox-esr']);
  });
});

describe('browserPlan', () => {
  it('does nothing when nothing is missing', () => {
    expect(browserPlan({ missing: [], isRoot: false, hasAptGet: false })).toEqual({ action: 'ok' });
  });

  it('installs with apt-get as root where apt-get exists (CI, containers)', () => {
    const plan = browserPlan({ missing: ['chromium', 'firefox-esr'], isRoot: true, hasAptGet: true });
    expect(plan.action).toBe('install');
    expect(plan.command).toBe('apt-get update && apt-get install -y chromium firefox-esr');
  });

  it('stops in one line naming the sudo command when not root', () => {
    const plan = browserPlan({ missing: ['firefox-esr'], isRoot: false, hasAptGet: true });
    expect(plan.action).toBe('stop');
    expect(plan.message).toContain('`sudo apt-get install -y firefox-esr`');
    expect(plan.message).not.toContain('\n');
  });

  it('without apt-get names the packages and CHROME_PATH, in one line', () => {
    const plan = browserPlan({ missing: ['chromium', 'firefox-esr'], isRoot: true, hasAptGet: false });
    expect(plan.action).toBe('stop');
    expect(plan.message).toMatch(/chromium firefox-esr.*CHROME_PATH/);
    expect(plan.message).not.toContain('\n');
    expect(browserPlan({ missing: ['firefox-esr'], isRoot: true, hasAptGet: false }).message).not.toContain('CHROME_PATH');
  });
});

describe('scripts/ensure-deps.mjs --browsers', () => {
  it('stops npm test with one line when firefox-esr is not on PATH (and no apt-get is reachable)', () => {
    const run = spawnSync(process.execPath, ['scripts/ensure-deps.mjs', '--browsers'], { env: { PATH: '/nonexistent', CHROME_PATH: process.execPath }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual(['npm test needs firefox-esr, not found: install the package firefox-esr with your system\'s package manager, then npm test again.']);
  });

  it('passes where both are found (positive control for the test above)', () => {
    const run = spawnSync(process.execPath, ['scripts/ensure-deps.mjs', '--browsers'], { env: { PATH: process.env.PATH, CHROME_PATH: process.execPath }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
  });
});
