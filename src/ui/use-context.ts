// The verdict context for a page (popup, details): settings and policy, read once, and again when
// the browser's answer to storage.managed arrives or the policy changes; then the inputs for the
// one entry the page shows (shared/page-context.ts). Null until ready (a few milliseconds: it
// never waits for storage.managed).
//
// Each read starts as early as it can and nothing waits for a paint: the page's script starts the
// first read at module top (loadPageContext), and the hooks subscribe in layout effects, which run
// as the component renders. (A preact useEffect runs after the next frame: a chain of them cost
// the first complete render a frame per step.)
import { useLayoutEffect, useState } from 'preact/hooks';
import type { Subject, VerdictInputs } from '../core/verdict';
import { inputsFor, loadPageContext, type PageContext } from '../shared/page-context';
import { onPolicyChange } from '../shared/policy-store';

/** The value `promise` resolves to (undefined until then). */
export function usePromised<T>(promise: Promise<T>): T | undefined {
  const [value, setValue] = useState<{ v: T } | undefined>(undefined);
  useLayoutEffect(() => {
    let live = true;
    void promise.then((v) => live && setValue({ v }));
    return () => {
      live = false;
    };
  }, [promise]);
  return value?.v;
}

/** The page context from `first` (loadPageContext, called at module top), read again whenever the policy may have changed. */
export function usePageContext(first: Promise<PageContext>): PageContext | null {
  const [latest, setLatest] = useState(first);
  useLayoutEffect(() => onPolicyChange(() => setLatest(loadPageContext())), []);
  return usePromised(latest) ?? null;
}

/** The verdict's inputs for `subject` on this page (its entry's record fetched); null until they are ready. */
export function useInputs(page: PageContext | null, subject: Subject | null): VerdictInputs | null {
  const key = subject && JSON.stringify(subject);
  const [ready, setReady] = useState<{ page: PageContext; key: string; inputs: VerdictInputs } | null>(null);
  useLayoutEffect(() => {
    if (!page || !subject || !key) return;
    let live = true;
    void inputsFor(page, subject).then((inputs) => live && setReady({ page, key, inputs }));
    return () => {
      live = false;
    };
  }, [page, key]);
  // Until the current page's inputs are in, the previous page context's still describe this subject.
  return ready && ready.key === key ? ready.inputs : null;
}
