// Chromium driven over the raw DevTools protocol, without Playwright, for what Playwright
// prevents: it disables prerendering (PrerenderingDisabledByDevTools) as soon as it attaches to a
// page, and it always loads the extension with --load-extension (a reinstall at every start).
// Flat sessions: send(method, params, sessionId).
import { spawn, type ChildProcess } from 'node:child_process';
import WebSocket from 'ws';
// @ts-expect-error plain ESM helpers shared with `npm start`
import { chromiumFlags, findChromium } from '../../scripts/find-chromium.mjs';

export interface Cdp {
  send<T = any>(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Calls `fn` with the params of every event named `method`. */
  on(method: string, fn: (params: any, sessionId?: string) => void): void; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface RawBrowser {
  cdp: Cdp;
  close(): Promise<void>;
}

/** Starts Chromium with the harness's flags; `dist` loads the extension (--load-extension), `startUrl` is the first tab. */
export async function launchRaw(opts: { profile: string; port: number; dist?: string; startUrl?: string }): Promise<RawBrowser> {
  const args = [
    ...chromiumFlags(opts.port, opts.dist),
    '--headless',
    '--remote-debugging-port=0',
    `--user-data-dir=${opts.profile}`,
    opts.startUrl ?? 'about:blank',
  ];
  const proc: ChildProcess = spawn(findChromium() as string, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  const wsUrl = await new Promise<string>((ok, fail) => {
    const t = setTimeout(() => fail(new Error(`no DevTools endpoint\n${log.slice(-2000)}`)), 30_000);
    const onData = (c: Buffer) => {
      log += c;
      const m = log.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) (clearTimeout(t), ok(m[1]!));
    };
    proc.stderr!.on('data', onData);
    proc.stdout!.on('data', onData);
  });
  const socket = new WebSocket(wsUrl);
  await new Promise((ok, fail) => (socket.once('open', ok), socket.once('error', fail)));
  let id = 0;
  const pending = new Map<number, { ok: (v: any) => void; fail: (e: Error) => void }>(); // eslint-disable-line @typescript-eslint/no-explicit-any
  const listeners: { method: string; fn: (params: unknown, sessionId?: string) => void }[] = [];
  socket.on('message', (data) => {
    const m = JSON.parse(String(data)) as { id?: number; error?: { message: string }; result?: unknown; method?: string; params?: unknown; sessionId?: string };
    if (m.method) for (const l of listeners) if (l.method === m.method) l.fn(m.params, m.sessionId);
    const p = m.id !== undefined ? pending.get(m.id) : undefined;
    if (!p) return;
    pending.delete(m.id!);
    if (m.error) p.fail(new Error(m.error.message));
    else p.ok(m.result);
  });
  const cdp: Cdp = {
    send: (method, params = {}, sessionId) =>
      new Promise((ok, fail) => {
        const n = ++id;
        const t = setTimeout(() => (pending.delete(n), fail(new Error(`${method}: no answer in 20 s`))), 20_000);
        pending.set(n, { ok: (v) => (clearTimeout(t), ok(v)), fail: (e) => (clearTimeout(t), fail(new Error(`${method}: ${e.message}`))) });
        socket.send(JSON.stringify({ id: n, method, params, ...(sessionId ? { sessionId } : {}) }));
      }),
    on: (method, fn) => listeners.push({ method, fn }),
  };
  return {
    cdp,
    async close() {
      await Promise.race([cdp.send('Browser.close').catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
      await Promise.race([new Promise((r) => proc.once('exit', r)), new Promise((r) => setTimeout(r, 5000))]);
      try {
        process.kill(-proc.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
      socket.close();
    },
  };
}

/** Attaches (flat) to the first target of `type` whose URL contains `part`; its session id. */
export async function attachTo(cdp: Cdp, type: string, part = '', timeout = 15_000): Promise<string> {
  for (const end = Date.now() + timeout; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    const { targetInfos } = await cdp.send<{ targetInfos: { targetId: string; type: string; url: string }[] }>('Target.getTargets');
    const t = targetInfos.find((x) => x.type === type && x.url.includes(part));
    if (t) return (await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: t.targetId, flatten: true })).sessionId;
  }
  throw new Error(`no ${type} target with ${part}`);
}

/** Evaluates `expression` (promises awaited) in a session; throws on an exception. */
export async function evalIn<T>(cdp: Cdp, sessionId: string, expression: string): Promise<T> {
  const r = await cdp.send<{ result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
    'Runtime.evaluate',
    { expression, awaitPromise: true, returnByValue: true },
    sessionId,
  );
  if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
  return r.result.value as T;
}

/** Polls `get` until `ok`, or throws with the last value. */
export async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, timeout = 15_000): Promise<T> {
  for (const end = Date.now() + timeout; ; await new Promise((r) => setTimeout(r, 100))) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`${what}: ${JSON.stringify(v)}`);
  }
}
