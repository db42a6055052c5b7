// The bundled, reviewed restricted-vendor dataset, typed. The build and the unit tests validate
// it with validateDataset(), so the cast here is safe.
import raw from '../../data/dataset.json';
import type { Dataset } from './schema';

export const dataset: Dataset = raw as Dataset;

export * from './schema';
export * from './validate';
export * from './status';
export * from './severity';
