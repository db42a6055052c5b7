// A local HTTPS server that poses as any website. Chromium is started with
// `--host-resolver-rules=MAP * 127.0.0.1:<port>`, so https://www.kaspersky.com/ reaches this
// server, which answers with a fixture page. HTTPS because HSTS-preloaded hosts refuse plain
// HTTP; the certificate is self-signed at start-up and Chromium runs with
// --ignore-certificate-errors. Used by `npm start` (demo) and the end-to-end tests.
import { createServer } from 'node:https';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

const PAGES = new URL('../test/fixtures/pages/', import.meta.url).pathname;

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page for a path: test/fixtures/pages/<name>.html when it exists, else the vendor-like page. */
function pageFor(pathname, host) {
  const name = pathname.replace(/^\/+|\/+$/g, '').replace(/[^a-z0-9-]/gi, '') || 'vendor';
  const file = join(PAGES, `${name}.html`);
  const html = readFileSync(existsSync(file) ? file : join(PAGES, 'vendor.html'), 'utf8');
  return html.replaceAll('{{host}}', escapeHtml(host));
}

/**
  * Starts the server on 127.0.0.1 and a free port. `routes` (tests) answers chosen URLs itself:
  * `{ 'https://host/path': (req, res) => void }`; each request's method, Sec-Purpose, cookie and referer are recorded.
  * @param {{ routes?: Record<string, (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void> }} [options]
  * @returns {Promise<{ port: number, requests: { host: string, url: string, method?: string, purpose?: string | null, cookie?: string, referer?: string }[], close: () => Promise<void> }>}
 */
export async function startFixtureServer({ routes = {} } = {}) {
  const pems = await generate([{ name: 'commonName', value: 'banwatch-fixtures.test' }], { keySize: 2048, algorithm: 'sha256' });
  const requests = [];
  const server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const host = (req.headers.host ?? 'localhost').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', `https://${host}`);
    requests.push({ host, url: url.href, method: req.method, purpose: req.headers['sec-purpose'] ?? null, cookie: req.headers.cookie, referer: req.headers.referer });
    const route = routes[`${url.origin}${url.pathname}`];
    if (route) {
      route(req, res);
      return;
    }
    // /redirect?to=<URL>: an HTTP 302 from this site into another (strict mode's tests).
    const to = url.pathname === '/redirect' ? url.searchParams.get('to') : null;
    if (to && URL.canParse(to)) {
      res.writeHead(302, { location: to, 'cache-control': 'no-store' }).end();
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    // ?cacheable: no `no-store`, which would keep the page out of the back/forward cache.
    const cache = url.searchParams.has('cacheable') ? {} : { 'cache-control': 'no-store' };
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...cache });
    // ?fixture=<name> picks the page regardless of the path, so a test can use a site's real
    // URL shape (https://www.google.com/search?q=…&fixture=serp-google).
    res.end(pageFor(url.searchParams.get('fixture') ?? url.pathname, host));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    port,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
