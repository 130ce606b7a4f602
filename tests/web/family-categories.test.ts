// Which pictures the report flow offers: what the server accepts for the person (shunt danger signs
// only with hydrocephalus, decided without sending families the diagnosis), battery pictures only
// with an electric chair.
import { describe, expect, it } from 'vitest';
import { reportCategoriesFor } from '../../schemas/reports.ts';
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
    expect(categoriesFor(cp, manual)).toEqual(['wont_move', 'brakes', 'seat_fit', 'pain_skin']);
    expect(categoriesFor(cp, [...manual, ...electric])).toEqual(['wont_move', 'battery_drains', 'wont_charge', 'brakes', 'seat_fit', 'pain_skin']);
    expect(categoriesFor(cp, [])).toContain('wont_charge');
  });
});
