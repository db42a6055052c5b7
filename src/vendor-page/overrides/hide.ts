// Registered by the background (background/vendor-scripts.ts) for the hosts the user's settings
// silence although the defaults warn there. Runs in the same task as the manifest script (after it, or
// before it: either way the banner is decided before the first paint).
import { override } from '../api';

override('hide');
