// Which pictures the report flow offers: what the server accepts for the person (shunt danger signs
// only with hydrocephalus, decided without sending families the diagnosis), battery pictures only
// with an electric chair.
import { describe, expect, it } from 'vitest';
import { ReportCategory, reportCategoriesFor } from '../../schemas/reports.ts';
import { messageFor } from '../../core/notifications/messages.ts';
import { workOrderDescription } from '../../server/src/reports/report-triage.ts';
import { familyEn } from '../../web/src/i18n/family.en.ts';
import { familyId } from '../../web/src/i18n/family.id.ts';
import { reportsEn } from '../../web/src/i18n/reports.en.ts';
import { reportsId } from '../../web/src/i18n/reports.id.ts';
import { categoriesFor } from '../../web/src/pages/family/family-data.ts';

const electric = [{ kind: 'electric' as const }];
const manual = [{ kind: 'manual_adaptive' as const }];
const shunt = ['headache', 'vomiting', 'sleepiness'];

describe('report categories offered', () => {
  it('the shunt danger signs are reportable with hydrocephalus (alone or with CP), not for CP alone or unknown', () => {
    for (const d of ['hydrocephalus', 'both'] as const) expect(reportCategoriesFor(d), d).toEqual(expect.arrayContaining(shunt));
    for (const d of ['cp', 'other', null, undefined] as const) expect(reportCategoriesFor(d).filter((c) => shunt.includes(c)), String(d)).toEqual([]);
    expect(categoriesFor(reportCategoriesFor('both'), electric)).toEqual(expect.arrayContaining(shunt));
  });

  it('offers battery pictures only when a chair is electric (or none is known yet)', () => {
    const cp = reportCategoriesFor('cp');
    const chair = ['flat_tyre', 'wheel_castor', 'footrest', 'other'];
    expect(categoriesFor(cp, manual)).toEqual(['wont_move', 'brakes', 'seat_fit', ...chair, 'pain_skin']);
    expect(categoriesFor(cp, [...manual, ...electric])).toEqual(['wont_move', 'battery_drains', 'wont_charge', 'brakes', 'seat_fit', ...chair, 'pain_skin']);
    expect(categoriesFor(cp, [])).toContain('wont_charge');
  });
});

describe('the commonest manual-chair faults', () => {
  it('flat tyre, wheel or castor, footrest and "other" are offered for every chair, with words everywhere', () => {
    for (const c of ['flat_tyre', 'wheel_castor', 'footrest', 'other'] as const) {
      expect(categoriesFor(reportCategoriesFor('cp'), manual), c).toContain(c);
      expect(categoriesFor(reportCategoriesFor('hydrocephalus'), electric), c).toContain(c);
    }
    // Every category has words in both languages, for families, staff, the gateway and the workshop.
    for (const c of ReportCategory.options) {
      for (const words of [familyId, familyEn] as Record<string, string>[]) expect(words[`family.reportCategory.${c}`], c).toBeTruthy();
      for (const words of [reportsId, reportsEn] as Record<string, string>[]) expect(words[`reports.category.${c}`], c).toBeTruthy();
      for (const locale of ['id', 'en'] as const) expect(messageFor('report_new', { category: c }, locale), c).toMatch(/: .+\.$/);
      expect(workOrderDescription({ category: c, description: null, redFlag: false }), c).not.toContain(c);
    }
  });
});

