// The WHO sizing helper: seat width ≈ hip width (A); seat depth ≈ the shorter of the two seat-depth
// measurements (B) minus 30–50 mm, so the seat edge clears the back of the knee. Catalogue sizes are
// ranked against that target, and postural supports are suggested from the assessment. Pure.
import type { DeviceKind } from '../../../schemas/devices.ts';

export interface SizingMeasurements {
  hipWidthMm: number;
  seatDepthLeftMm: number;
  seatDepthRightMm: number;
}

export interface SupportNeeds {
  pelvicBelt: boolean;
  lateralSupports: boolean;
  headSupport: boolean;
  tiltInSpace: boolean;
}
export type Support = keyof SupportNeeds;
const supports: Support[] = ['pelvicBelt', 'lateralSupports', 'headSupport', 'tiltInSpace'];

export interface CatalogueModel extends SupportNeeds {
  id: string;
  name: string;
  manufacturer: string;
  kind: DeviceKind;
  sizes: { seatWidthMm: number; seatDepthMm: number }[];
}

/** How far a size may stray from the target: `good` is the WHO rule, `acceptable` a usable compromise. */
export const tolerances = {
  /** Narrower than the hips presses on them; a little wider leaves room for clothes and growth. */
  width: { good: [0, 25], acceptable: [-10, 50] },
  /** Clearance behind the knee, below the shorter seat depth B. */
  depth: { good: [30, 50], acceptable: [20, 70] },
} as const;

/** Difference between left and right seat depth beyond which the therapist should check the pelvis and hips. */
export const ASYMMETRY_WARNING_MM = 20;

export type Fit = 'good' | 'acceptable';

export interface SizeMatch {
  modelId: string;
  modelName: string;
  manufacturer: string;
  kind: DeviceKind;
  seatWidthMm: number;
  seatDepthMm: number;
  fit: Fit;
  /** Seat width minus hip width. */
  widthDeltaMm: number;
  /** Shorter seat depth minus the seat's depth (the clearance behind the knee). */
  kneeClearanceMm: number;
  /** Supports needed that this model cannot take. */
  missingSupports: Support[];
}

export interface SizingWarning {
  code: 'no_fit' | 'no_fit_with_supports' | 'asymmetric_seat_depth' | 'size_not_ideal' | 'supports_missing' | 'supports_not_prescribed';
  message: string;
}

export interface SizingResult {
  target: { seatWidthMm: number; seatDepthMinMm: number; seatDepthMaxMm: number };
  matches: SizeMatch[];
  warnings: SizingWarning[];
}

const within = (v: number, [lo, hi]: readonly [number, number]) => v >= lo && v <= hi;

/** How one catalogue size fits, or null when it is outside the acceptable range. */
export function fitOf(m: SizingMeasurements, seatWidthMm: number, seatDepthMm: number): Fit | null {
  const widthDelta = seatWidthMm - m.hipWidthMm;
  const clearance = Math.min(m.seatDepthLeftMm, m.seatDepthRightMm) - seatDepthMm;
  if (within(widthDelta, tolerances.width.good) && within(clearance, tolerances.depth.good)) return 'good';
  if (within(widthDelta, tolerances.width.acceptable) && within(clearance, tolerances.depth.acceptable)) return 'acceptable';
  return null;
}

export function targetFor(m: SizingMeasurements) {
  const shorter = Math.min(m.seatDepthLeftMm, m.seatDepthRightMm);
  return { seatWidthMm: m.hipWidthMm, seatDepthMinMm: shorter - tolerances.depth.good[1], seatDepthMaxMm: shorter - tolerances.depth.good[0] };
}

const missing = (model: SupportNeeds, needs: SupportNeeds) => supports.filter((s) => needs[s] && !model[s]);

/** Distance from the middle of the good ranges, to rank sizes of equal fit. */
function distance(match: Pick<SizeMatch, 'widthDeltaMm' | 'kneeClearanceMm'>) {
  const w = tolerances.width.good;
  const d = tolerances.depth.good;
  return Math.abs(match.widthDeltaMm - (w[0] + w[1]) / 2) + Math.abs(match.kneeClearanceMm - (d[0] + d[1]) / 2);
}

/**
 * Ranks every catalogue size that fits (good before acceptable, models with every needed support
 * first, then closest to the target), with warnings when nothing fits.
 */
export function sizeChair(m: SizingMeasurements, models: CatalogueModel[], needs: SupportNeeds, kind?: DeviceKind): SizingResult {
  const shorter = Math.min(m.seatDepthLeftMm, m.seatDepthRightMm);
  const matches: SizeMatch[] = [];
  for (const model of models) {
    if (kind && model.kind !== kind) continue;
    for (const size of model.sizes) {
      const fit = fitOf(m, size.seatWidthMm, size.seatDepthMm);
      if (!fit) continue;
      matches.push({
        modelId: model.id,
        modelName: model.name,
        manufacturer: model.manufacturer,
        kind: model.kind,
        seatWidthMm: size.seatWidthMm,
        seatDepthMm: size.seatDepthMm,
        fit,
        widthDeltaMm: size.seatWidthMm - m.hipWidthMm,
        kneeClearanceMm: shorter - size.seatDepthMm,
        missingSupports: missing(model, needs),
      });
    }
  }
  const rank = (x: SizeMatch) => (x.fit === 'good' ? 0 : 2) + (x.missingSupports.length > 0 ? 1 : 0);
  matches.sort((a, b) => rank(a) - rank(b) || distance(a) - distance(b) || a.modelName.localeCompare(b.modelName));

  const warnings: SizingWarning[] = [];
  if (matches.length === 0) {
    warnings.push({ code: 'no_fit', message: `no ${kind ? `${kind.replace('_', ' ')} ` : ''}model in the catalogue fits these measurements` });
  } else if (matches.every((x) => x.missingSupports.length > 0)) {
    warnings.push({ code: 'no_fit_with_supports', message: 'no model that fits takes every postural support needed' });
  }
  if (Math.abs(m.seatDepthLeftMm - m.seatDepthRightMm) > ASYMMETRY_WARNING_MM) {
    warnings.push({ code: 'asymmetric_seat_depth', message: `left and right seat depth differ by more than ${ASYMMETRY_WARNING_MM} mm: check pelvic obliquity and hip position` });
  }
  return { target: targetFor(m), matches, warnings };
}

/** Warnings about a prescribed size and supports (they do not block: the therapist decides). */
export function checkPrescription(m: SizingMeasurements, model: CatalogueModel, size: { seatWidthMm: number; seatDepthMm: number }, needs: SupportNeeds): SizingWarning[] {
  const warnings: SizingWarning[] = [];
  const fit = fitOf(m, size.seatWidthMm, size.seatDepthMm);
  if (fit !== 'good') {
    const t = targetFor(m);
    warnings.push({
      code: 'size_not_ideal',
      message: `seat ${size.seatWidthMm} × ${size.seatDepthMm} mm is ${fit ? 'acceptable but not ideal' : 'outside the acceptable range'} for the target ${t.seatWidthMm} × ${t.seatDepthMinMm}–${t.seatDepthMaxMm} mm`,
    });
  }
  const gaps = missing(model, needs);
  if (gaps.length > 0) warnings.push({ code: 'supports_missing', message: `the assessment suggests supports this model lacks: ${gaps.join(', ')}` });
  return warnings;
}

export interface SupportInputs {
  gmfcs?: number | null;
  sittingLevel?: string | null;
  /** The head support the hydrocephalus profile asks for, if any. */
  hydroHeadSupport?: string | null;
  occiputSkinRisk?: string | null;
  pressureInjuryRisk: string;
}

/**
 * Sensible starting supports: a pelvic belt for everyone seated in a wheelchair; laterals and head
 * support from GMFCS IV or poor sitting; tilt-in-space for GMFCS V or sitting not yet possible;
 * head support whenever the hydrocephalus profile asks for one.
 */
export function suggestSupports(s: SupportInputs): SupportNeeds & { cushion: 'flat_foam' | 'contoured_foam' | 'air' } {
  const gmfcs = s.gmfcs ?? 0;
  const poorSitting = s.sittingLevel === 'propped' || s.sittingLevel === 'unable';
  return {
    pelvicBelt: true,
    lateralSupports: gmfcs >= 4 || poorSitting,
    headSupport: gmfcs >= 4 || s.sittingLevel === 'unable' || !!s.hydroHeadSupport || s.occiputSkinRisk === 'high',
    tiltInSpace: gmfcs >= 5 || s.sittingLevel === 'unable',
    cushion: s.pressureInjuryRisk === 'high' ? 'air' : s.pressureInjuryRisk === 'medium' || gmfcs >= 4 ? 'contoured_foam' : 'flat_foam',
  };
}
