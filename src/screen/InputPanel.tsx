// Where the list comes in: a file dropped on the page or chosen, or text pasted (a copied range
// of a spreadsheet pastes as tab-separated text; a column of names as one name a line).
import { useState } from 'preact/hooks';
import { t } from '../shared/format';

interface InputPanelProps {
  onFile: (file: File) => void;
  onText: (text: string) => void;
  /** Once a list is loaded: one line, the paste box folded away. */
  compact: boolean;
}

export function InputPanel({ onFile, onText, compact }: InputPanelProps) {
  const [over, setOver] = useState(false);
  const [text, setText] = useState('');
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer?.files[0];
    if (file) onFile(file);
  };
  const fileInput = (
    <input
      id="file-input"
      type="file"
      class="sr-only"
      accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
      onChange={(e) => {
        const input = e.currentTarget as HTMLInputElement;
        const file = input.files?.[0];
        if (file) onFile(file);
        input.value = ''; // choosing the same file again still loads it
      }}
    />
  );
  const dropHandlers = {
    onDragOver: (e: DragEvent) => {
      e.preventDefault();
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: drop,
  };
  const paste = (
    <div class="paste">
      <label for="paste-input" class="paste-label">
        {t('screenPasteLabel')}
      </label>
      <textarea
        id="paste-input"
        rows={compact ? 4 : 6}
        spellcheck={false}
        placeholder={t('screenPastePlaceholder')}
        value={text}
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <button type="button" class="btn" disabled={!text.trim()} onClick={() => onText(text)}>
        {t('screenPasteButton')}
      </button>
    </div>
  );
  if (compact)
    return (
      <section class="input-compact" aria-label={t('screenInputTitle')} {...dropHandlers}>
        <label class={`btn drop-btn${over ? ' over' : ''}`}>
          {t('screenAnotherFile')}
          {fileInput}
        </label>
        <details class="paste-more">
          <summary>{t('screenPasteAnother')}</summary>
          {paste}
        </details>
        <span class="privacy muted small">{t('screenPrivacyShort')}</span>
      </section>
    );
  return (
    <section class="card input" aria-labelledby="input-title">
      <h2 id="input-title">{t('screenInputTitle')}</h2>
      <div class="input-grid">
        <label class={`drop${over ? ' over' : ''}`} {...dropHandlers}>
          <svg viewBox="0 0 24 24" aria-hidden="true" class="drop-icon">
            <path d="M12 3v12m0-12l-4.5 4.5M12 3l4.5 4.5M4 15v4a2 2 0 002 2h12a2 2 0 002-2v-4" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
          <span class="drop-main">{t('screenDrop')}</span>
          <span class="muted small">{t('screenDropHint')}</span>
          {fileInput}
        </label>
        {paste}
      </div>
      <p class="privacy muted small">{t('screenPrivacy')}</p>
    </section>
  );
}
