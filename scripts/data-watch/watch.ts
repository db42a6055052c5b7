// Runs the three source checks side by side; a source that fails is reported, never fatal.
import type { Dataset } from '../../src/core/dataset/schema';
import { checkCoveredList } from './covered-list';
import { checkFederalRegister } from './federal-register';
import { SourceError, type FetchText } from './fetch';
import type { Finding, SourceId, SourceResult } from './findings';
import { checkScreeningList } from './screening-list';

export interface SourceStatus {
  source: SourceId;
  ok: boolean;
  detail: string; // what was read, or why it could not be
  offline?: boolean;
}

export interface WatchResult {
  checkedOn: string;
  datasetVersion: string;
  sources: SourceStatus[];
  findings: Finding[];
}

const CHECKS: Record<SourceId, (ds: Dataset, fetchText: FetchText) => Promise<SourceResult>> = {
  'federal-register': checkFederalRegister,
  'fcc-covered-list': checkCoveredList,
  'screening-list': checkScreeningList,
};

export async function runWatch(ds: Dataset, fetchText: FetchText, checkedOn: string): Promise<WatchResult> {
  const results = await Promise.all(
    (Object.keys(CHECKS) as SourceId[]).map(async (source): Promise<{ status: SourceStatus; findings: Finding[] }> => {
      try {
        const { checked, findings } = await CHECKS[source](ds, fetchText);
        return { status: { source, ok: true, detail: checked }, findings };
      } catch (e) {
        if (e instanceof SourceError) return { status: { source, ok: false, detail: e.message, offline: e.offline }, findings: [] };
        // The source answered, but not in the form this code reads: its format has probably changed.
        return { status: { source, ok: false, detail: `could not read its answer: ${e instanceof Error ? e.message : String(e)}` }, findings: [] };
      }
    }),
  );
  return { checkedOn, datasetVersion: ds.meta.version, sources: results.map((r) => r.status), findings: results.flatMap((r) => r.findings) };
}

/** 0: nothing to review; 1: something needs review; 2: a source could not be checked. */
export function exitCode(result: WatchResult): number {
  if (result.sources.some((s) => !s.ok)) return 2;
  return result.findings.length ? 1 : 0;
}
