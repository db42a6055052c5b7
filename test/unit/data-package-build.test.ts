// `npm run data:package`: the packager, its key handling, and the command itself.
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPackage } from '../../src/core/data-package/accept';
import { countsOf } from '../../src/core/data-package/format';
import { buildPackage, type PackageInput } from '../../scripts/data-package/build-package';
import { main } from '../../scripts/data-package/cli';
import { isInsideRepo, loadSigningKey, writeNewSigningKey } from '../../scripts/data-package/signing-key';
import { atVersion, bundled, newTestKey, withoutVendors, type TestKey } from './data-package-fixtures';

const ROOT = resolve('.');
let key: TestKey;
let dir: string;
beforeAll(async () => {
  key = await newTestKey();
  dir = mkdtempSync(join(tmpdir(), 'banwatch-package-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const build = (d: unknown, over: Partial<PackageInput> = {}) =>
  buildPackage({ datasetText: JSON.stringify(d), removals: [], date: '2026-12-01', signingKey: key.privateKey, ...over });

describe('buildPackage', () => {
  it('writes the manifest: version, date, sha256, previous version, counts, removals', async () => {
    const first = await build(bundled());
    expect(first.manifest).toMatchObject({ format: 1, version: bundled().meta.version, date: '2026-12-01', previousVersion: null, removals: [] });
    expect(first.manifest.counts).toEqual({ vendors: bundled().vendors.length, rulings: bundled().rulings.length, domains: countsOf(bundled()).domains });
    expect(first.manifest.counts.rulings).toBeGreaterThan(20);
    expect(first.manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
    const next = await build(atVersion('2026.12.01'), { previousText: first.text });
    expect(next.manifest.previousVersion).toBe(bundled().meta.version);
    expect(await openPackage(next.text, [key.trusted])).toMatchObject({ ok: true, keyId: key.trusted.id });
  });

  it('never puts the private key in the package', async () => {
    const pem = key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const body = pem.split('\n')[1] as string;
    expect((await build(bundled())).text).not.toContain(body);
  });

  it('refuses a version that is not newer than the last package', async () => {
    const first = await build(bundled());
    await expect(build(bundled(), { previousText: first.text })).rejects.toThrow(`is not newer than the last package (${bundled().meta.version})`);
  });

  it('refuses invalid data', async () => {
    const d = bundled();
    (d.vendors[0] as { country: string }).country = 'Russia';
    await expect(build(d)).rejects.toThrow('vendors.0.country');
  });

  it('refuses to drop a vendor unless told to, and then records the removal and carries it forward', async () => {
    const first = await build(bundled());
    const d = atVersion('2026.12.01', withoutVendors('hesai'));
    await expect(build(d, { previousText: first.text })).rejects.toThrow('pass --remove vendor:hesai');
    const second = await build(d, { previousText: first.text, removals: [{ kind: 'vendor', id: 'hesai' }] });
    expect(second.manifest.removals).toEqual([{ kind: 'vendor', id: 'hesai', version: '2026.12.01' }]);
    const third = await build(atVersion('2026.12.08', withoutVendors('hesai')), { previousText: second.text });
    expect(third.manifest.removals).toEqual([{ kind: 'vendor', id: 'hesai', version: '2026.12.01' }]);
    const back = await build(atVersion('2026.12.15'), { previousText: third.text });
    expect(back.manifest.removals).toEqual([]);
  });

  it('refuses a declared removal that the new version does not make', async () => {
    const first = await build(bundled());
    await expect(build(atVersion('2026.12.01'), { previousText: first.text, removals: [{ kind: 'vendor', id: 'hesai' }] })).rejects.toThrow(
      '--remove vendor:hesai',
    );
    await expect(build(bundled(), { removals: [{ kind: 'ruling', id: 'pafaca' }] })).rejects.toThrow('needs the last published package');
  });
});

describe('signing key', () => {
  const pemOf = (type: 'ed25519' | 'x25519') => generateKeyPairSync(type as 'ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  it('comes from BANWATCH_SIGNING_KEY or from a file outside the repository', () => {
    const pem = pemOf('ed25519');
    expect(loadSigningKey({ BANWATCH_SIGNING_KEY: pem }, undefined, ROOT).asymmetricKeyType).toBe('ed25519');
    const file = join(dir, 'outside.pem');
    writeFileSync(file, pem);
    expect(loadSigningKey({}, file, ROOT).asymmetricKeyType).toBe('ed25519');
    expect(loadSigningKey({ BANWATCH_SIGNING_KEY_FILE: file }, undefined, ROOT).asymmetricKeyType).toBe('ed25519');
  });

  it('is refused inside the repository, when missing, or when it is not an Ed25519 private key', () => {
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, 'keys'), { recursive: true });
    const inside = join(repo, 'keys', 'signing.pem');
    writeFileSync(inside, pemOf('ed25519'));
    expect(() => loadSigningKey({}, inside, repo)).toThrow('inside the repository');
    expect(() => loadSigningKey({}, undefined, repo)).toThrow('No signing key');
    expect(() => loadSigningKey({}, join(dir, 'missing.pem'), repo)).toThrow('No signing key at');
    expect(() => loadSigningKey({ BANWATCH_SIGNING_KEY: 'not a key' }, undefined, repo)).toThrow('not a PEM private key');
    expect(() => loadSigningKey({ BANWATCH_SIGNING_KEY: pemOf('x25519') }, undefined, repo)).toThrow('x25519 key, not Ed25519');
  });

  it('tells inside from outside the repository, also for paths that do not exist yet', () => {
    expect(isInsideRepo(join(ROOT, 'src', 'x.pem'), ROOT)).toBe(true);
    expect(isInsideRepo(join(ROOT, 'not', 'yet', 'there.pem'), ROOT)).toBe(true);
    expect(isInsideRepo(ROOT, ROOT)).toBe(true);
    expect(isInsideRepo(join(dir, 'k.pem'), ROOT)).toBe(false);
    expect(isInsideRepo(`${ROOT}-sibling/k.pem`, ROOT)).toBe(false);
  });

  it('a new key is written outside the repository only, readable by its owner only, never over an existing file', () => {
    const file = join(dir, 'new.pem');
    expect(writeNewSigningKey(file, ROOT).asymmetricKeyType).toBe('ed25519');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(() => writeNewSigningKey(file, ROOT)).toThrow('not overwriting');
    expect(() => writeNewSigningKey(join(ROOT, 'test-results', 'k.pem'), ROOT)).toThrow('inside the repository');
  });
});

describe('npm run data:package', () => {
  it('signs the bundled dataset into the output file with the key from the environment', async () => {
    vi.stubEnv('BANWATCH_SIGNING_KEY', key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const out = join(dir, 'channel', 'banwatch-data.json');
    expect(await main(['--out', out, '--date', '2026-12-01'], ROOT)).toBe(0);
    const opened = await openPackage(readFileSync(out, 'utf8'), [key.trusted]);
    expect(opened.ok && opened.datasetText).toBe(readFileSync('src/data/dataset.json', 'utf8'));
    expect(log.mock.calls.flat().join('\n')).toContain(`signed with key ${key.trusted.id}`);

    // Run again: the file written is now the last package, and the version was not bumped.
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main(['--out', out], ROOT)).toBe(1);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('is not newer than the last package'));
    expect(await main(['--out', out, '--previous', join(dir, 'nowhere.json')], ROOT)).toBe(1);
    expect(await main(['--remove', 'vendor:Bad Id'], ROOT)).toBe(1);
    expect(error).toHaveBeenCalledWith('data:package: --remove vendor:Bad Id: expected vendor:ID or ruling:ID');
  });
});
