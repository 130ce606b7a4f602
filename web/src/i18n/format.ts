// Locale-aware formatting of dates and of the API's enum values.
import { intlLocale, t, type MessageKey } from './i18n.ts';


/** Groups of enum labels in the catalogues, by the key prefix they use. */
type EnumGroup = MessageKey extends infer K ? (K extends `${infer G}.${string}` ? G : never) : never;
type EnumValue<G extends EnumGroup> = MessageKey extends infer K ? (K extends `${G}.${infer V}` ? V : never) : never;

/** The label of an enum value, e.g. label('role', 'therapist'); the compiler checks the key exists. */
export function label<G extends EnumGroup>(group: G, value: EnumValue<G>): string {
  return t(`${group}.${value}` as MessageKey);
}

/** A calendar date (YYYY-MM-DD) or an instant, as a medium-length date in the current language. */
export function formatDate(value: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeZone: value.length === 10 ? 'UTC' : undefined }).format(date);
}

export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(intlLocale()).format(value);
}
