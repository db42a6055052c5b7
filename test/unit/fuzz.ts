// fast-check with a fixed number of runs per property, counting what actually ran: each suite
// logs "N properties × RUNS runs = M generated cases" so docs/security.md can cite the figure.
import fc from 'fast-check';
import { afterAll } from 'vitest';

/** Runs per property. */
export const RUNS = 1000;

/** A `check(...arbitraries, predicate)` for one test file; the file's total is logged after it. */
export function fuzzSuite() {
  let properties = 0;
  let executed = 0;
  afterAll(() => {
    console.log(`fast-check: ${properties} properties × ${RUNS} runs = ${executed} generated cases`);
  });
  return function check<Ts extends [unknown, ...unknown[]]>(
    ...args: [...arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> }, predicate: (...values: Ts) => void]
  ): void {
    const predicate = args.pop() as (...values: Ts) => void;
    const arbitraries = args as unknown as { [K in keyof Ts]: fc.Arbitrary<Ts[K]> };
    properties++;
    fc.assert(
      fc.property(...arbitraries, (...values: Ts) => {
        executed++;
        predicate(...values);
      }),
      { numRuns: RUNS },
    );
  };
}
