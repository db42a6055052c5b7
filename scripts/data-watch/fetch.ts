// Fetching for the source watcher: a timeout on every request (the body included), a few retries
// with backoff on network errors and on the HTTP statuses that mean "try again", and one short
// sentence when a source cannot be reached.

export class SourceError extends Error {
  constructor(
    message: string,
    /** True when the network itself failed (no DNS, no route, connection refused or reset): likely offline. */
    readonly offline: boolean,
  ) {
    super(message);
  }
}

export interface FetchOptions {
  timeoutMs: number;
  retries?: number; // further attempts after the first
  backoffMs?: number; // wait before the first retry; doubles after each
}

export type FetchText = (url: string, options: FetchOptions) => Promise<string>;

const USER_AGENT = 'BanWatch data:watch (maintainers source watcher)';
const RETRY_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);
const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What went wrong, in a few words, and whether it looks like no network at all. */
function describe(error: unknown, timeoutMs: number): { what: string; offline: boolean } {
  if (error instanceof Error && error.name === 'TimeoutError') return { what: `no answer within ${timeoutMs / 1000} s`, offline: false };
  const code = (error as { cause?: { code?: string } })?.cause?.code;
  if (code) return { what: code, offline: NETWORK_CODES.has(code) };
  return { what: error instanceof Error ? error.message : String(error), offline: false };
}

export const fetchText: FetchText = async (url, { timeoutMs, retries = 2, backoffMs = 1000 }) => {
  const host = new URL(url).host;
  for (let attempt = 0; ; attempt++) {
    let failure: { what: string; offline: boolean };
    try {
      const response = await fetch(url, { headers: { 'user-agent': USER_AGENT }, signal: AbortSignal.timeout(timeoutMs) });
      if (response.ok) return await response.text();
      failure = { what: `HTTP ${response.status}`, offline: false };
      if (!RETRY_STATUSES.has(response.status)) throw new SourceError(`${host} answered ${failure.what}`, false);
    } catch (error) {
      if (error instanceof SourceError) throw error;
      failure = describe(error, timeoutMs);
    }
    if (attempt >= retries) {
      throw new SourceError(`cannot reach ${host}: ${failure.what} (${attempt + 1} attempt${attempt ? 's' : ''})`, failure.offline);
    }
    await sleep(backoffMs * 2 ** attempt);
  }
};
