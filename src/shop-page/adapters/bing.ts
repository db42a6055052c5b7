// Bing (https://www.bing.com/search?q=hikvision&form=QBLH). Organic results:
// `<ol id="b_results"><li class="b_algo"><h2><a href="…">Title</a></h2>…`. The href is often
// Bing's click redirect `https://www.bing.com/ck/a?!&&p=…&u=a1aHR0cHM6Ly93d3cuaGlrdmlzaW9uLmNvbS8&ntb=1`
// whose `u` parameter is "a1" + the destination in base64url; it is decoded here.
import { all, type SearchAdapter } from './types';

function decodeU(u: string): string | null {
  if (!u.startsWith('a1')) return null;
  try {
    const b64 = u.slice(2).replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export const bing: SearchAdapter = {
  kind: 'search',
  links: (root) => all<HTMLAnchorElement>(root, '#b_results > li.b_algo h2 > a[href]'),
  target: (a) => {
    try {
      const url = new URL(a.getAttribute('href') ?? '', 'https://www.bing.com/'); // relative links are the engine's own
      if (url.hostname === 'www.bing.com' && url.pathname === '/ck/a') return decodeU(url.searchParams.get('u') ?? '');
      return url.href;
    } catch {
      return null;
    }
  },
};
