// The table entry deciding a host name: the most specific listed domain covering it, as the
// match index decides (core/match.ts rule 1). Kept apart from banner-text.ts so the content
// script does not bundle the verdict.

export function lookup<T>(hosts: Record<string, T>, hostname: string): T | null {
  let h = hostname.toLowerCase().replace(/\.$/, '');
  for (;;) {
    if (Object.hasOwn(hosts, h)) return hosts[h]!;
    const dot = h.indexOf('.');
    if (dot < 0) return null;
    h = h.slice(dot + 1);
  }
}
