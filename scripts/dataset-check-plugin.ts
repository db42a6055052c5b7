// Refuses to build a dataset that fails validation, so a bad data edit never ships.
import type { Plugin } from 'vite';
import dataset from '../src/data/dataset.json' with { type: 'json' };
import { validateDataset } from '../src/core/dataset/validate';
import { isRegistrableHost } from '../src/core/dataset/registrable';

export function datasetCheckPlugin(): Plugin {
  return {
    name: 'banwatch:dataset-check',
    buildStart() {
      const { errors } = validateDataset(dataset, isRegistrableHost);
      if (errors.length) this.error(`src/data/dataset.json is invalid:\n  ${errors.join('\n  ')}`);
    },
  };
}
