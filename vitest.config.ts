import { defineConfig } from 'vitest/config';
import { datasetSplitPlugin } from './scripts/dataset-split-plugin';

// Unit tests only; the end-to-end suite drives a real Chromium (test/e2e, `npm run test:e2e`).
export default defineConfig({
  plugins: [datasetSplitPlugin()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
