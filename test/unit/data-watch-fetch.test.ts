// The watcher's fetch: timeouts, retries and one-line errors, against servers on 127.0.0.1 only.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchText, SourceError } from '../../scripts/data-watch/fetch';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A local server answering each request with the next of `statuses` (the last one repeats); 0 means never answer. */
async function serve(statuses: number[]): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((_req, res) => {
    const status = statuses[Math.min(hits++, statuses.length - 1)] as number;
    if (status === 0) return; // hang
    res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'the body' : 'busy');
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/list`, hits: () => hits };
}

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(SourceError);
  return e as SourceError;
}

describe('fetchText', () => {
  it('retries "try again" answers with backoff and returns the body once it comes', async () => {
    const s = await serve([503, 429, 200]);
    expect(await fetchText(s.url, { timeoutMs: 5000, retries: 2, backoffMs: 5 })).toBe('the body');
    expect(s.hits()).toBe(3);
  });

  it('gives up after its retries with one line naming the host and the last problem', async () => {
    const s = await serve([503]);
    const e = await failure(fetchText(s.url, { timeoutMs: 5000, retries: 2, backoffMs: 5 }));
    expect(e.message).toBe(`cannot reach ${new URL(s.url).host}: HTTP 503 (3 attempts)`);
    expect(e.offline).toBe(false);
    expect(s.hits()).toBe(3);
  });

  it('does not retry an answer that will not change, such as 404', async () => {
    const s = await serve([404]);
    expect((await failure(fetchText(s.url, { timeoutMs: 5000, retries: 2, backoffMs: 5 }))).message).toBe(`${new URL(s.url).host} answered HTTP 404`);
    expect(s.hits()).toBe(1);
  });

  it('stops waiting for a server that does not answer', async () => {
    const s = await serve([0]);
    const e = await failure(fetchText(s.url, { timeoutMs: 200, retries: 0 }));
    expect(e.message).toBe(`cannot reach ${new URL(s.url).host}: no answer within 0.2 s (1 attempt)`);
  });

  it('calls a refused connection a network failure (offline?)', async () => {
    const s = await serve([200]);
    await new Promise((r) => servers.pop()!.close(r)); // nothing listens on that port now
    const e = await failure(fetchText(s.url, { timeoutMs: 2000, retries: 1, backoffMs: 5 }));
    expect(e.message).toBe(`cannot reach ${new URL(s.url).host}: ECONNREFUSED (2 attempts)`);
    expect(e.offline).toBe(true);
  });
});
