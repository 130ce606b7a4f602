// The server's texts: one catalogue per language with the same keys, filled by say(), and report
// category words that are the very words the family's app shows, in both languages.
import { describe, expect, it } from 'vitest';
import { ReportCategory } from '../../../schemas/reports.ts';
import { en } from '../../../core/i18n/en.ts';
import { id } from '../../../core/i18n/id.ts';
import { say, sayCode } from '../../../core/i18n/say.ts';
import { messageFor } from '../../../core/notifications/messages.ts';
import { workOrderDescription } from '../../../server/src/reports/report-triage.ts';
import { familyEn } from '../../../web/src/i18n/family.en.ts';
import { familyId } from '../../../web/src/i18n/family.id.ts';

describe('server words', () => {
  it('names every report category with the words the family app shows, in both languages', () => {
    for (const c of ReportCategory.options) {
      expect(say('id', `reportCategory.${c}`)).toBe(familyId[`family.reportCategory.${c}`]);
      expect(say('en', `reportCategory.${c}`)).toBe(familyEn[`family.reportCategory.${c}`]);
    }
  });

  it('uses those words in notifications and work orders alike', () => {
    expect(messageFor('report_new', { category: 'wont_move' }, 'id')).toBe('Ada laporan baru dari keluarga: kursi tidak mau jalan.');
    expect(messageFor('report_new', { category: 'wont_move' }, 'en')).toBe('New report from a family: chair won\'t move.');
    expect(workOrderDescription({ category: 'wont_move', description: null, redFlag: false })).toBe('Laporan keluarga: Kursi tidak mau jalan');
  });

  it('has the same keys in both languages, no empty text, and fills placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const text of [...Object.values(id), ...Object.values(en)]) expect(text.trim()).not.toBe('');
    expect(sayCode('id', 'reportCategory', 'not_a_category')).toBeUndefined();
    expect(sayCode('id', 'reportCategory', 'toString')).toBeUndefined();
    expect(say('id', 'indicators.csv.state', { state: say('id', 'requestState.fitted') })).toBe('Status: Dipasang');
    expect(say('en', 'indicators.csv.state')).toBe('State: {state}');
  });
});
