// Words of a name, as the lookup and its confidence grading see them: lowercase, accents removed,
// split on anything that is not a letter or digit.

/** Lowercase, accents removed: "Hikvisión" → "hikvision". */
export function normalise(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export const words = (text: string): string[] => normalise(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Corporate-form words and domain endings: they would make "co" or "com" match every vendor. */
export const STOP: ReadonlySet<string> = new Set(['co', 'ltd', 'inc', 'llc', 'limited', 'corporation', 'corp', 'the', 'of', 'and', 'ao', 'www', 'com', 'net', 'org']);

// More legal forms, left out of complete names ("Siemens AG", "Grupo Bimbo SA de CV"). Not in
// STOP: the popup's lookup reads a half-typed "de" or "sa" as the start of a name.
const LEGAL_FORMS: ReadonlySet<string> = new Set([
  ...STOP, 'company', 'llp', 'lp', 'gmbh', 'ag', 'kg', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'plc', 'pty', 'pte', 'kk', 'oy', 'oyj',
  'ab', 'as', 'asa', 'se', 'ooo', 'pjsc', 'jsc', 'de', 'cv',
]);

/** The words that carry a complete name: "Kaspersky Lab, Inc." → ["kaspersky", "lab"]. */
export const nameWords = (text: string): string[] => words(text).filter((w) => !LEGAL_FORMS.has(w));
