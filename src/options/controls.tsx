// The options page's building blocks: a section card, the lock badge for settings the
// administrator enforces, radio choices, a switch, and a list whose rows can be removed.
import type { ComponentChildren } from 'preact';
import { t } from '../shared/format';
import type { Settings, UserSettingKey } from '../core/settings';
import type { State } from './use-options';

export function Locked({ id }: { id: string }) {
  return (
    <span class="locked" id={id}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12">
        <path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 1 0-4 0v2z" />
      </svg>
      {t('optionsLocked')}
    </span>
  );
}

export function Section(props: { id: string; title: string; intro?: string; children: ComponentChildren }) {
  return (
    <section class="card section" aria-labelledby={`${props.id}-title`} id={props.id}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.intro && <p class="muted intro">{props.intro}</p>}
      {props.children}
    </section>
  );
}

/** A group of radio choices, each with one line on what it changes. */
export function Choice<K extends 'warningStyle' | 'audience' | 'minSeverity'>(props: {
  name: K;
  legend: string;
  values: readonly Settings[K][];
  state: State;
  label: (v: Settings[K]) => ComponentChildren;
  help: (v: Settings[K]) => string;
  set: (patch: Partial<Settings>) => void;
}) {
  const { name, state } = props;
  const locked = state.locked.includes(name);
  const fromAdmin = state.fromPolicyDefault.includes(name);
  return (
    <fieldset class="choices" aria-describedby={locked ? `${name}-locked` : undefined}>
      <legend>
        {props.legend} {locked && <Locked id={`${name}-locked`} />}
        {fromAdmin && <span class="hint">{t('optionsOrgDefault')}</span>}
      </legend>
      {props.values.map((v) => {
        const id = `${name}-${v}`;
        return (
          <label class={`choice${state.settings[name] === v ? ' selected' : ''}${locked ? ' disabled' : ''}`} key={v} for={id}>
            <input
              type="radio"
              id={id}
              name={name}
              value={v}
              checked={state.settings[name] === v}
              disabled={locked}
              aria-describedby={`${id}-help`}
              onChange={() => props.set({ [name]: v } as Partial<Settings>)}
            />
            <span class="choice-text">
              <span class="choice-label">{props.label(v)}</span>
              <span class="choice-help muted" id={`${id}-help`}>
                {props.help(v)}
              </span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}

export function Toggle(props: { name: UserSettingKey; label: string; help: string; state: State; set: (patch: Partial<Settings>) => void }) {
  const { name, state } = props;
  const locked = state.locked.includes(name);
  const id = `toggle-${name}`;
  return (
    <div class={`toggle${locked ? ' disabled' : ''}`}>
      <input
        type="checkbox"
        role="switch"
        id={id}
        checked={state.settings[name] as boolean}
        disabled={locked}
        aria-describedby={`${id}-help${locked ? ` ${id}-locked` : ''}`}
        onChange={(e) => props.set({ [name]: (e.currentTarget as HTMLInputElement).checked } as Partial<Settings>)}
      />
      <span class="toggle-text">
        <label for={id} class="toggle-label">
          {props.label}
        </label>{' '}
        {locked && <Locked id={`${id}-locked`} />}
        <span class="muted toggle-help" id={`${id}-help`}>
          {props.help}
        </span>
      </span>
    </div>
  );
}

/** A list with a remove button per row (undoing a banner action), or an empty-state line. */
export function RemovableList(props: {
  id: string;
  title: string;
  empty: string;
  rows: { key: string; label: ComponentChildren; detail?: string; locked?: boolean; removeLabel: string; onRemove: () => void }[];
  disabled?: boolean;
}) {
  return (
    <div class="list-block" id={props.id}>
      <h3 id={`${props.id}-title`}>{props.title}</h3>
      {props.rows.length === 0 ? (
        <p class="muted empty">{props.empty}</p>
      ) : (
        <ul class="rows" aria-labelledby={`${props.id}-title`}>
          {props.rows.map((r) => (
            <li key={r.key} class="row">
              <span class="row-main">
                <span class="row-label">{r.label}</span>
                {r.detail && <span class="muted small">{r.detail}</span>}
              </span>
              {r.locked ? (
                <Locked id={`${props.id}-${r.key}-locked`} />
              ) : (
                <button type="button" class="btn small-btn" aria-label={r.removeLabel} disabled={props.disabled} onClick={r.onRemove}>
                  {t('optionsRemove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
