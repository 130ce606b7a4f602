// The WHO sizing rules: seat width ≈ hip width A, seat depth ≈ shorter B minus 30–50 mm, ranked
// against catalogue sizes, with warnings; and the supports suggested from the assessment.
import { describe, expect, it } from 'vitest';
import { type CatalogueModel, checkPrescription, fitOf, sizeChair, suggestSupports, targetFor } from '../../../server/src/requests/sizing.ts';

const none = { pelvicBelt: false, lateralSupports: false, headSupport: false, tiltInSpace: false };
const model = (id: string, kind: CatalogueModel['kind'], sizes: [number, number][], supports: Partial<typeof none> = {}): CatalogueModel => ({
  id, name: id, manufacturer: 'M', kind, ...none, pelvicBelt: true, ...supports, sizes: sizes.map(([w, d]) => ({ seatWidthMm: w, seatDepthMm: d })),
});
const m = { hipWidthMm: 300, seatDepthLeftMm: 340, seatDepthRightMm: 350 };

describe('target and fit', () => {
  it('targets width = A and depth = the shorter B minus 50 to minus 30', () => {
    expect(targetFor(m)).toEqual({ seatWidthMm: 300, seatDepthMinMm: 290, seatDepthMaxMm: 310 });
    expect(targetFor({ ...m, seatDepthLeftMm: 360 })).toEqual({ seatWidthMm: 300, seatDepthMinMm: 300, seatDepthMaxMm: 320 });
  });

  it.each([
    [300, 300, 'good'], [325, 310, 'good'], [300, 290, 'good'],
    [326, 300, 'acceptable'], [290, 300, 'acceptable'], [350, 300, 'acceptable'], [300, 320, 'acceptable'], [300, 270, 'acceptable'],
    [289, 300, null], [351, 300, null], [300, 321, null], [300, 269, null],
  ] as const)('seat %i × %i mm is %s for A 300, B 340/350', (w, d, fit) => {
    expect(fitOf(m, w, d)).toBe(fit);
  });
});

describe('sizeChair', () => {
  const catalogue = [
    model('small', 'manual_adaptive', [[260, 260], [300, 300]], { lateralSupports: true, headSupport: true }),
    model('wide', 'manual_adaptive', [[340, 300]]),
    model('power', 'electric', [[320, 310], [400, 420]]),
  ];

  it('ranks good fits first, then by closeness, and leaves out sizes that do not fit', () => {
    const r = sizeChair(m, catalogue, none);
    expect(r.matches.map((x) => `${x.modelId} ${x.seatWidthMm}×${x.seatDepthMm} ${x.fit}`)).toEqual([
      'small 300×300 good', 'power 320×310 good', 'wide 340×300 acceptable',
    ]);
    expect(r.matches[0]).toMatchObject({ widthDeltaMm: 0, kneeClearanceMm: 40, missingSupports: [] });
    expect(r.warnings).toEqual([]);
  });

  it('puts models that take every needed support before those that do not, and names what is missing', () => {
    const r = sizeChair(m, catalogue, { ...none, headSupport: true });
    expect(r.matches.map((x) => x.modelId)).toEqual(['small', 'power', 'wide']);
    expect(r.matches[1]!.missingSupports).toEqual(['headSupport']);
  });

  it('filters by kind', () => {
    expect(sizeChair(m, catalogue, none, 'electric').matches.map((x) => x.modelId)).toEqual(['power']);
  });

  it('warns when no model fits, or none fits with the supports needed', () => {
    const adult = { hipWidthMm: 480, seatDepthLeftMm: 500, seatDepthRightMm: 505 };
    const r = sizeChair(adult, catalogue, none);
    expect(r.matches).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['no_fit']);
    expect(sizeChair(adult, catalogue, none, 'electric').warnings[0]!.message).toContain('no electric model');
    const tilt = sizeChair(m, catalogue, { ...none, tiltInSpace: true });
    expect(tilt.matches.length).toBeGreaterThan(0);
    expect(tilt.warnings.map((w) => w.code)).toEqual(['no_fit_with_supports']);
  });

  it('warns when left and right seat depth differ by more than 20 mm, and sizes from the shorter side', () => {
    const r = sizeChair({ hipWidthMm: 300, seatDepthLeftMm: 330, seatDepthRightMm: 360 }, catalogue, none);
    expect(r.warnings.map((w) => w.code)).toContain('asymmetric_seat_depth');
    expect(r.target.seatDepthMaxMm).toBe(300);
    expect(sizeChair({ ...m, seatDepthRightMm: 360 }, catalogue, none).warnings).toEqual([]);
  });
});

describe('checkPrescription', () => {
  const chair = model('c', 'manual_adaptive', [[300, 300], [360, 300]]);
  it('says nothing about a good size with the supports needed', () => {
    expect(checkPrescription(m, chair, { seatWidthMm: 300, seatDepthMm: 300 }, { ...none, pelvicBelt: true })).toEqual([]);
  });
  it('warns (without refusing) about a size off target and supports the model lacks', () => {
    const w = checkPrescription(m, chair, { seatWidthMm: 360, seatDepthMm: 300 }, { ...none, tiltInSpace: true });
    expect(w.map((x) => x.code)).toEqual(['size_not_ideal', 'supports_missing']);
    expect(w[0]!.message).toContain('outside the acceptable range');
    expect(w[1]!.message).toContain('tiltInSpace');
  });
});

describe('suggestSupports', () => {
  it('suggests more support as GMFCS rises, and cushions by pressure-injury risk', () => {
    expect(suggestSupports({ gmfcs: 2, sittingLevel: 'hands_free', pressureInjuryRisk: 'low' })).toEqual({ ...none, pelvicBelt: true, cushion: 'flat_foam' });
    expect(suggestSupports({ gmfcs: 4, sittingLevel: 'propped', pressureInjuryRisk: 'medium' })).toEqual({
      pelvicBelt: true, lateralSupports: true, headSupport: true, tiltInSpace: false, cushion: 'contoured_foam',
    });
    expect(suggestSupports({ gmfcs: 5, sittingLevel: 'unable', pressureInjuryRisk: 'high' })).toEqual({
      pelvicBelt: true, lateralSupports: true, headSupport: true, tiltInSpace: true, cushion: 'air',
    });
  });
  it('suggests head support for hydrocephalus needing one or with a high occiput skin risk', () => {
    expect(suggestSupports({ hydroHeadSupport: 'contoured', pressureInjuryRisk: 'low' }).headSupport).toBe(true);
    expect(suggestSupports({ occiputSkinRisk: 'high', pressureInjuryRisk: 'low' }).headSupport).toBe(true);
    expect(suggestSupports({ occiputSkinRisk: 'low', pressureInjuryRisk: 'low' }).headSupport).toBe(false);
  });
});
