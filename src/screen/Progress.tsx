// A run's progress: the status line's count and the progress bar. They follow the run on their
// own, so each batch of rows re-renders these two, not the page.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/format';

export class Progress {
  done = 0;
  private readonly listeners = new Set<() => void>();
  constructor(readonly total: number) {}
  readonly set = (done: number): void => {
    this.done = done;
    for (const l of this.listeners) l();
  };
  watch(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}

function useDone(p: Progress): number {
  const [done, setDone] = useState(p.done);
  useEffect(() => {
    setDone(p.done);
    return p.watch(() => setDone(p.done));
  }, [p]);
  return done;
}

const count = new Intl.NumberFormat(); // toLocaleString() would build one for every call

export function ProgressText({ progress }: { progress: Progress }) {
  return <>{t('screenProgress', [count.format(useDone(progress)), count.format(progress.total)])}</>;
}

export function ProgressBar({ progress, onCancel }: { progress: Progress; onCancel: () => void }) {
  return (
    <div class="progress-row">
      <progress id="progress" max={progress.total} value={useDone(progress)} aria-label={t('screenProgressLabel')} />
      <button type="button" class="btn" onClick={onCancel}>
        {t('screenCancel')}
      </button>
    </div>
  );
}
