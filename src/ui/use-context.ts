// The verdict context for a page (popup, details): settings and policy, read once, and again when
// the browser's answer to storage.managed arrives or the policy changes; then the inputs for the
// one entry the page shows (shared/page-context.ts). Null until ready (a few milliseconds: it
// never waits for storage.managed).
import { useEffect, useState } from 'preact/hooks';
import type { Subject, VerdictInputs } from '../core/verdict';
import { inputsFor, loadPageContext, type PageContext } from '../shared/page-context';
import { onPolicyChange } from '../shared/policy-store';

export function usePageContext(): PageContext | null {
  const [ctx, setCtx] = useState<PageContext | null>(null);
  useEffect(() => {
    const load = () => void loadPageContext().then(setCtx);
    load();
    return onPolicyChange(load);
  }, []);
  return ctx;
}

/** The verdict's inputs for `subject` on this page (its entry's record fetched); null until they are ready. */
export function useInputs(page: PageContext | null, subject: Subject | null): VerdictInputs | null {
  const key = subject && JSON.stringify(subject);
  const [ready, setReady] = useState<{ page: PageContext; key: string; inputs: VerdictInputs } | null>(null);
  useEffect(() => {
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
