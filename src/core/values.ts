// Checks on values that come from outside the code (storage, messages, files, policy).

/**
 * A plain record: what JSON parsing and structured cloning deliver. Arrays, class instances,
 * Maps and the like are not, so a value can never borrow fields from a prototype.
 */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
