// Registered by the background (background/vendor-scripts.ts) for the hosts the user's settings
// warn on although the defaults do not. Runs right after the manifest script, in the same task.
import { API_NAME, type VendorPageApi } from '../api';

(globalThis as unknown as Record<string, VendorPageApi | undefined>)[API_NAME]?.show();
