// The verdict context for a page (popup, details): settings and policy, read once, and again when
// the browser's answer to storage.managed arrives or the policy changes. Null until the first
// read (a few milliseconds: it never waits for storage.managed).
import { useEffect, useState } from 'preact/hooks';
import { loadContext, type Context } from '../shared/context';
import { onPolicyChange } from '../shared/policy-store';

export function useContext(): Context | null {
  const [ctx, setCtx] = useState<Context | null>(null);
  useEffect(() => {
    const load = () => void loadContext().then(setCtx);
    load();
    return onPolicyChange(load);
  }, []);
  return ctx;
}
