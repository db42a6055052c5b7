// A data update must not quietly take protection away: every vendor it drops, and any ruling
// beyond a small margin, must be named in the signed manifest as an intentional removal.
import type { Dataset } from '../dataset/schema';
import type { Removal } from './format';

/** Undeclared ruling drops tolerated before a package is refused: more than 5 % is refused. */
const RULING_DROP_LIMIT = 0.05;

interface Drops {
  vendors: string[];
  rulings: string[];
}

/** Ids in `before` that `after` no longer has, except those `removals` declares. */
export function undeclaredDrops(before: Dataset, after: Dataset, removals: readonly Removal[]): Drops {
  const declared = (kind: Removal['kind']) => new Set(removals.filter((r) => r.kind === kind).map((r) => r.id));
  const dropped = (ids: string[], kept: string[], ok: Set<string>) => {
    const still = new Set(kept);
    return ids.filter((id) => !still.has(id) && !ok.has(id));
  };
  return {
    vendors: dropped(before.vendors.map((v) => v.id), after.vendors.map((v) => v.id), declared('vendor')),
    rulings: dropped(before.rulings.map((r) => r.id), after.rulings.map((r) => r.id), declared('ruling')),
  };
}

/** Why a package that shrinks `before` into `after` must be refused, or undefined when it may pass. */
export function shrinkProblem(
  before: Dataset,
  after: Dataset,
  removals: readonly Removal[],
): { reason: 'drops-vendors' | 'drops-rulings'; detail: string } | undefined {
  const drops = undeclaredDrops(before, after, removals);
  if (drops.vendors.length) {
    return { reason: 'drops-vendors', detail: `it drops vendor ${drops.vendors.join(', ')} without declaring the removal` };
  }
  if (drops.rulings.length > before.rulings.length * RULING_DROP_LIMIT) {
    return {
      reason: 'drops-rulings',
      detail: `it drops ${drops.rulings.length} of ${before.rulings.length} rulings (${drops.rulings.join(', ')}) without declaring them`,
    };
  }
  return undefined;
}
