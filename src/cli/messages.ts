// The extension's English strings for the command line, read with chrome.i18n.getMessage's
// rules ("$NAME$" placeholders whose content is "$1"…, "$$" for a dollar sign), so the CLI and
// the screening page say the same thing in the same words.
import common from '../locales/en/common.json';
import options from '../locales/en/options.json';
import screen from '../locales/en/screen.json';
import type { Msg } from '../core/screen/describe';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const messages: Record<string, Message> = { ...common, ...options, ...screen };

export const msg: Msg = (key, subs) => {
  const m = messages[key];
  if (!m) return key;
  const args = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  const fill = (s: string) => s.replace(/\$(\d)/g, (_, n: string) => args[Number(n) - 1] ?? '');
  return m.message.replace(/\$\$|\$([A-Za-z0-9_]+)\$/g, (all, name?: string) => {
    if (!name) return '$';
    const p = m.placeholders?.[name.toLowerCase()];
    return p ? fill(p.content) : all;
  });
};
