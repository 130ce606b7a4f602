// The server's texts in the reader's language: `say(locale, key, params)` fills {name} placeholders.
import type { Locale } from '../../schemas/common.ts';
import { en } from './en.ts';
import { id, type TextKey } from './id.ts';

export type { TextKey };
const catalogues: Record<Locale, Record<TextKey, string>> = { id, en };

/** The text for a key, with each {name} replaced by params[name] (left as is when no param is given). */
export function say(locale: Locale, key: TextKey, params: Record<string, string | number> = {}): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (m, name: string) => (params[name] === undefined ? m : String(params[name])));
}

/** The text for `${prefix}.${code}`, or undefined for a code the catalogue does not know (never echoed raw). */
export function sayCode(locale: Locale, prefix: string, code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  const key = `${prefix}.${code}`;
  return Object.hasOwn(catalogues[locale], key) ? catalogues[locale][key as TextKey] : undefined;
}
