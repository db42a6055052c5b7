// The adapter for each site id in src/core/shopping/sites.ts.
import type { Adapter } from './types';
import { amazon } from './amazon';
import { bestbuy } from './bestbuy';
import { newegg } from './newegg';
import { walmart } from './walmart';
import { ebay } from './ebay';
import { bhphoto } from './bhphoto';
import { homedepot } from './homedepot';
import { google } from './google';
import { bing } from './bing';
import { duckduckgo } from './duckduckgo';

export const ADAPTERS: Readonly<Record<string, Adapter>> = { amazon, bestbuy, newegg, walmart, ebay, bhphoto, homedepot, google, bing, duckduckgo };
