// The pages the in-browser benches load, served over HTTPS for every hostname (Chromium maps all
// hosts to this server with --host-resolver-rules), so https://www.kaspersky.com/bench/tiny is a
// vendor page to BanWatch and an ordinary page to the reference extension.
//
// Every element the page itself puts under <html> or <body> carries `data-bench-page`. The banner
// probe (bench/browser.ts) takes any other element that appears there, except the reference
// extension's, as BanWatch's banner: no reliance on its tag name or attributes, which may change.
import { createServer } from 'node:https';
import { generate } from 'selfsigned';

export const PAGE_MARK = 'data-bench-page';

/** A page under 1 KB. */
export const TINY_HTML = `<!doctype html>
<html lang="en" ${PAGE_MARK}>
<head ${PAGE_MARK}><meta charset="utf-8"><title>Security for every device</title></head>
<body ${PAGE_MARK}>
<h1 ${PAGE_MARK}>Security for every device</h1>
<p ${PAGE_MARK}>Protect your home and business with award-winning software. Renew today and save 50%.</p>
</body>
</html>
`;

/** A product-listing page of about 0.5 MB (512 KiB): a header, then tiles until the size is reached. */
export function largeHtml(bytes = 512 * 1024): string {
  const head = `<!doctype html>
<html lang="en" ${PAGE_MARK}>
<head ${PAGE_MARK}><meta charset="utf-8"><title>All products</title>
<style>body{margin:0;font:16px/1.5 Georgia,serif}header{position:sticky;top:0;padding:14px 32px;background:#0b6b4f;color:#fff}
main{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:20px;padding:20px 32px}.tile{border:1px solid #ddd;border-radius:8px;padding:16px}</style></head>
<body ${PAGE_MARK}>
<header ${PAGE_MARK}><strong>Security for every device</strong> <a href="/">Home</a> <a href="/products">Products</a></header>
<main ${PAGE_MARK}>
`;
  const tail = '</main>\n</body>\n</html>\n';
  const tiles: string[] = [];
  let size = head.length + tail.length;
  for (let i = 0; size < bytes; i++) {
    const tile = `<div class="tile"><h2>Product ${i}</h2><p>Protection for ${1 + (i % 10)} devices, with privacy tools and support. Item ${i} of the catalogue.</p><button>Buy now</button></div>\n`;
    tiles.push(tile);
    size += tile.length;
  }
  return head + tiles.join('') + tail;
}

export interface BenchServer {
  port: number;
  close(): Promise<void>;
}

/** Serves /bench/large as the large page and every other path as the tiny one. */
export async function startBenchServer(): Promise<BenchServer> {
  const pems = await generate([{ name: 'commonName', value: 'banwatch-bench.test' }], { keySize: 2048, algorithm: 'sha256' });
  const large = largeHtml();
  const server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(path === '/bench/large' ? large : TINY_HTML);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
