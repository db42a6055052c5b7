// The policy, cache first (src/shared/policy-source.ts), with a storage.managed that answers when
// the test says so, or never: nothing waits for it; the cached copy is used (marked unsettled)
// until the answer comes, listeners run when it does, and the copy is rewritten only when it differs.
import { describe, expect, it } from 'vitest';
import { emptyPolicy, parsePolicy } from '../../src/core/policy';
import { policySource } from '../../src/shared/policy-source';

function setup(cache: unknown, graceMs = 0) {
  let answer!: (raw: Record<string, unknown>) => void;
  const writes: unknown[] = [];
  let reads = 0;
  let cacheReads = 0;
  const source = policySource({
    graceMs,
    rememberAfterMs: 0,
    readManaged: () => {
      reads++;
      return new Promise((resolve) => (answer = resolve));
    },
    readCache: async () => (cacheReads++, cache),
    writeCache: async (raw) => void writes.push(raw),
    parse: (raw) => parsePolicy(raw),
  });
  return { source, writes, answer: (raw: Record<string, unknown>) => answer(raw), reads: () => reads, cacheReads: () => cacheReads };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('policy source: cache first', () => {
  it('a fresh profile (no copy) and a browser that never answers: an empty policy at once, unsettled', async () => {
    const { source } = setup(null);
    expect(await source.current()).toEqual({ policy: emptyPolicy(), settled: false });
  });

  it('uses the cached copy until the answer comes; then the answer, listeners told, the copy rewritten', async () => {
    const { source, writes, answer, reads } = setup({ enforced: { decisionLog: true } });
    let told = 0;
    source.onChange(() => told++);
    const first = await source.current();
    expect(first).toMatchObject({ settled: false, policy: { enforced: { decisionLog: true } } });
    answer({ enforced: { audience: 'business' } });
    await tick();
    expect(told).toBe(1);
    expect(await source.current()).toMatchObject({ settled: true, policy: { enforced: { audience: 'business' } } });
    await tick();
    expect(writes).toEqual([{ enforced: { audience: 'business' } }]);
    expect(reads()).toBe(1); // asked once, not on every read
  });

  it('does not rewrite a copy that is already the answer', async () => {
    const { source, writes, answer } = setup({ enforced: { decisionLog: true } });
    await source.current();
    answer({ enforced: { decisionLog: true } });
    await tick();
    await tick();
    expect(writes).toEqual([]);
  });

  it('tells nobody about an answer nothing was served against, or one that changes nothing', async () => {
    const { source, answer } = setup(null);
    let told = 0;
    source.onChange(() => told++);
    source.reread();
    answer({}); // asked, answered, before anyone read the policy
    await tick();
    expect(await source.current()).toMatchObject({ settled: true });
    source.reread();
    answer({}); // the same answer again
    await tick();
    expect(told).toBe(0);
    source.reread();
    answer({ enforced: { enabled: true } });
    await tick();
    expect(told).toBe(1);
  });

  it('after a change, asks again and keeps the last answer meanwhile', async () => {
    const { source, answer, reads } = setup(null);
    await source.current();
    answer({ defaults: { minSeverity: 'listed' } });
    await tick();
    source.reread();
    expect(reads()).toBe(2);
    expect(await source.current()).toMatchObject({ settled: true, policy: { defaults: { minSeverity: 'listed' } } });
    answer({ defaults: { minSeverity: 'watch' } });
    await tick();
    expect(await source.current()).toMatchObject({ settled: true, policy: { defaults: { minSeverity: 'watch' } } });
  });

  it('with no grace (the pages), the copy is read at once: nothing waits for a timer', async () => {
    const { source, cacheReads } = setup({ enforced: { decisionLog: true } }, 0);
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    expect(await source.current()).toMatchObject({ settled: false, policy: { enforced: { decisionLog: true } } });
    expect(timerRan).toBe(false);
    expect(cacheReads()).toBe(1);
  });

  it('gives the browser a moment first: an answer within it is used without reading the copy', async () => {
    const { source, answer, cacheReads } = setup({ enforced: { decisionLog: true } }, 50);
    const pending = source.current();
    setTimeout(() => answer({ enforced: { audience: 'business' } }), 5);
    expect(await pending).toMatchObject({ settled: true, policy: { enforced: { audience: 'business' } } });
    expect(cacheReads()).toBe(0);
  });
});
