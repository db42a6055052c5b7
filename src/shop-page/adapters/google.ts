// Google (https://www.google.com/search?q=hikvision). Organic results: `<div id="search">` …
// `<div class="g">` / `<div class="MjjYud">` … `<a href="https://www.hikvision.com/en/" jsname="UWckNb"
// ping="/url?…"><h3 class="LC20lb">Hikvision</h3>…</a>`. The href is the destination; the
// no-JavaScript page uses `/url?q=<destination>&sa=…` instead, which is decoded. Ads (`#tads`) and
// the "People also ask" boxes carry no `h3` title link under `#search`.
import { all, type SearchAdapter } from './types';

export const google: SearchAdapter = {
  kind: 'search',
  links: (root) =>
    all<HTMLHeadingElement>(root, '#search h3, #rso h3')
      .map((h3) => h3.closest('a[href]') as HTMLAnchorElement | null)
      .filter((a): a is HTMLAnchorElement => a !== null),
  target: (a) => {
    try {
      const url = new URL(a.getAttribute('href') ?? '', 'https://www.google.com/'); // relative links are the engine's own
      if (url.hostname === 'www.google.com' && url.pathname === '/url') return url.searchParams.get('q') ?? url.searchParams.get('url');
      return url.href;
    } catch {
      return null;
    }
  },
};
