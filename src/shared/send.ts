// The one way to message the background, from a content script or a page: typed by the message
// table (messages.ts), without loading the table itself.
import type { Message, MessageType, Replies } from './messages';

type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };

/** Sends a message to the background and types its answer. Works in content scripts and pages alike. */
export function send<K extends MessageType>(m: Message<K>): Promise<Replies[K]> {
  const ext = ((globalThis as { browser?: Runtime }).browser ?? (globalThis as unknown as { chrome: Runtime }).chrome) as Runtime;
  return ext.runtime.sendMessage(m) as Promise<Replies[K]>;
}
