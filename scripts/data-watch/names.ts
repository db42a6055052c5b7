// Matching official list entries and documents to the dataset's vendors by name: normalised
// whole-word matches of a vendor's names (name and legal names), with trailing corporate words
// ("Co., Ltd.", "Corporation") dropped, so "HUAWEI TECHNOLOGIES CO., LTD." names Huawei.
import type { Dataset } from '../../src/core/dataset/schema';

const CORPORATE_WORDS = new Set(['co', 'ltd', 'inc', 'corp', 'corporation', 'company', 'limited', 'llc', 'plc', 'group', 'holdings', 'the']);
/** Names shorter than this after normalising match too much by accident. */
const MIN_NAME_LENGTH = 3;

/** Lowercase ASCII words; "+" and "&" are kept, so "Face++" does not become the word "face". */
export function normalizeName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+&]+/g, ' ')
    .trim();
}

/** The distinctive part of a company name: normalised, without trailing corporate words. */
export function coreName(s: string): string {
  const words = normalizeName(s).split(' ');
  while (words.length > 1 && CORPORATE_WORDS.has(words[words.length - 1] as string)) words.pop();
  return words.join(' ');
}

/** True when already-normalised `text` contains the core name `core` as whole words. */
export function containsCore(text: string, core: string): boolean {
  return core.length >= MIN_NAME_LENGTH && ` ${text} `.includes(` ${core} `);
}

/** True when `text` contains `name` (its core) as whole words. */
export function mentions(text: string, name: string): boolean {
  return containsCore(normalizeName(text), coreName(name));
}

/** A vendor or a not-restricted entry: the core names that identify it, and the brand names that only resemble it. */
export interface Party {
  id: string;
  label: string;
  restricted: boolean; // false for notRestricted entries
  names: string[];
  brands: string[];
}

const cores = (names: string[]) => [...new Set(names.map(coreName))].filter((c) => c.length >= MIN_NAME_LENGTH);

export function partiesOf(ds: Dataset): Party[] {
  return [
    ...ds.vendors.map((v) => ({ id: v.id, label: v.name, restricted: true, names: cores([v.name, ...v.legalNames]), brands: cores(v.aliases) })),
    // Of a not-restricted entry's aliases only those that carry its name: "Archer" or "Kasa" alone would match strangers.
    ...ds.notRestricted.map((n) => ({
      id: n.id,
      label: n.name,
      restricted: false,
      names: cores([n.name, ...n.aliases.filter((a) => mentions(a, n.name) || mentions(n.name, a))]),
      brands: [],
    })),
  ];
}

/** Whether normalised `text` carries one of the party's names. */
export const namesParty = (text: string, party: Party): boolean => party.names.some((c) => containsCore(text, c));
/** Whether normalised `text` carries one of the party's brands but none of its names. */
export const resemblesParty = (text: string, party: Party): boolean => !namesParty(text, party) && party.brands.some((c) => containsCore(text, c));

/** The shortest core names that still cover all of `names`: a longer name that contains a shorter one adds nothing to an OR search. */
export function essentialNames(names: string[]): string[] {
  const sorted = cores(names).sort((a, b) => a.length - b.length);
  return sorted.filter((c, i) => !sorted.slice(0, i).some((shorter) => containsCore(c, shorter)));
}
