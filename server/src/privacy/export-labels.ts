// The words of the printable export, in Bahasa Indonesia and English, read from the server's catalogue
// (core/i18n): section titles, field names and the few sentences around them. A field without a label
// is shown by its name, split into words.
import type { Locale } from '../../../schemas/common.ts';
import { say, sayCode, type TextKey } from '../../../core/i18n/say.ts';
import { id } from '../../../core/i18n/id.ts';

type Word = Record<Locale, string>;
const both = (key: TextKey): Word => ({ id: say('id', key), en: say('en', key) });

const SECTION = 'export.section.';
/** The export's sections, in the order the document shows them, with their titles. */
export const sectionTitles: Record<string, Word> = Object.fromEntries(
  (Object.keys(id) as TextKey[]).filter((k) => k.startsWith(SECTION)).map((k) => [k.slice(SECTION.length), both(k)]),
);

export const phrases = {
  title: both('export.phrase.title'),
  intro: both('export.phrase.intro'),
  exportedAt: both('export.phrase.exportedAt'),
  exportedBy: both('export.phrase.exportedBy'),
  telemetryNote: both('export.phrase.telemetryNote'),
  withheld: both('export.phrase.withheld'),
  none: both('export.phrase.none'),
  yes: both('export.phrase.yes'),
  no: both('export.phrase.no'),
  item: both('export.phrase.item'),
  contents: both('export.phrase.contents'),
};

export const word = (w: Word, lang: Locale) => w[lang];

/** A field's label, or its name split into words (seatToOcciputMm → seat to occiput mm). */
export function fieldLabel(key: string, lang: Locale): string {
  return sayCode(lang, 'export.field', key) ?? key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}
