// What reading an organisation's vendor list needs beyond the policy itself: its check, and the
// bundled ruling ids (the organisation's own must not reuse one). Loaded only for a policy that
// has such a list (policy-store.ts); the service worker imports it at start.
import rulingIds from 'virtual:banwatch/ruling-ids';
import { validateOrgList } from '../core/dataset/org-list';

export const orgListCheck = { validate: validateOrgList, bundledRulingIds: rulingIds };
export type OrgListCheck = typeof orgListCheck;
