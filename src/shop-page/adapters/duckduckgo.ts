// DuckDuckGo (https://duckduckgo.com/?q=hikvision&ia=web). Organic results:
// `<ol class="react-results--main"><li data-layout="organic"><article data-testid="result">` …
// `<a data-testid="result-title-a" href="https://www.hikvision.com/en/"><span>Title</span></a>`.
// The no-JavaScript page (html.duckduckgo.com, not enabled here) links through
// `//duckduckgo.com/l/?uddg=<destination>`, decoded here as well.
import { all, type SearchAdapter } from './types';

export const duckduckgo: SearchAdapter = {
  kind: 'search',
  links: (root) => all<HTMLAnchorElement>(root, 'a[data-testid="result-title-a"][href], a.result__a[href]'),
  target: (a) => {
    try {
      const url = new URL(a.getAttribute('href') ?? '', 'https://duckduckgo.com/'); // relative links are the engine's own
      if (url.hostname === 'duckduckgo.com' && url.pathname === '/l/') return url.searchParams.get('uddg');
      return url.href;
    } catch {
      return null;
    }
  },
};
