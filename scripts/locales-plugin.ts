// Each surface keeps its strings in src/locales/<lang>/<surface>.json; the build merges them
// into the _locales/<lang>/messages.json the browser reads. A translator adds a folder.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const LOCALES_DIR = 'src/locales';

export type Messages = Record<string, { message: string; description?: string; placeholders?: object }>;

export function mergedMessages(lang: string): Messages {
  const merged: Messages = {};
  const dir = join(LOCALES_DIR, lang);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const part = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Messages;
    for (const [key, value] of Object.entries(part)) {
      if (key in merged) throw new Error(`${dir}/${file}: message "${key}" is already defined in another file`);
      merged[key] = value;
    }
  }
  return merged;
}

export function localesPlugin(): Plugin {
  return {
    name: 'banwatch:locales',
    generateBundle() {
      for (const lang of readdirSync(LOCALES_DIR)) {
        this.emitFile({
          type: 'asset',
          fileName: `_locales/${lang}/messages.json`,
          source: JSON.stringify(mergedMessages(lang), null, 1),
        });
      }
    },
  };
}
