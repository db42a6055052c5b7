// The bundled, reviewed restricted-vendor dataset, typed. The build and the unit tests validate
// it with validateDataset(), so the cast here is safe.
//
// Kept free of runtime validators on purpose: this module is what the background and the pages
// import, and schema.ts (zod schemas built at module level, which no bundler can tree-shake) and
// validate.ts (zod plus tldts and its Public Suffix List) would add hundreds of KB to each of
// them. Code that validates imports './validate' (or './schema' for the zod schemas) directly.
import raw from '../../data/dataset.json';
import type { Dataset } from './schema';

export const dataset: Dataset = raw as Dataset;

export type * from './schema';
export type { ValidationResult } from './validate';
export * from './status';
export * from './severity';
export * from './freshness';
export * from './timeline';
