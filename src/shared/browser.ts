// The promise-based WebExtension API for the background and extension pages. The content
// script uses the browser's own namespace instead, to stay small.
import browser from 'webextension-polyfill';

export default browser;
