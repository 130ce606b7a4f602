// The current language, the t() lookup and change notification; Indonesian unless chosen otherwise.
import type { Locale } from '../../../schemas/common.ts';
import { en } from './en.ts';
import { id, type MessageKey } from './id.ts';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;

const catalogues: Record<Locale, Record<MessageKey, string>> = { id, en };
const STORAGE_KEY = 'atensi.locale';

/** Each language's name in that language, as language pickers conventionally show them. */
export const localeNames: Record<Locale, string> = { id: 'Bahasa Indonesia', en: 'English' };
export const supportedLocales = Object.keys(catalogues) as Locale[];

let current: Locale = 'id';
const listeners = new Set<(locale: Locale) => void>();

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && value in catalogues;
}

export function getLocale(): Locale {
  return current;
}

/** The Intl locale tag of the current language, for dates and numbers. */
export function intlLocale(): string {
  return ({ id: 'id-ID', en: 'en-GB' } as const)[current];
}

/** Switches the language, keeps it on this device for the sign-in page, and tells subscribers. */
export function setLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private modes may refuse storage; the choice then lasts for this page only.
  }
  if (locale === current) return;
  current = locale;
  document.documentElement.lang = locale;
  for (const listener of listeners) listener(locale);
}

/** The language saved on this device before sign-in, else Indonesian. */
export function initLocale(): Locale {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    saved = null;
  }
  current = isLocale(saved) ? saved : 'id';
  document.documentElement.lang = current;
  return current;
}

export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The message for key in the current language, with {name} placeholders filled from params. */
export function t(key: MessageKey, params?: MessageParams): string {
  const message = catalogues[current][key];
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
