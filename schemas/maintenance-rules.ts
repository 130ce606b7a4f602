// The maintenance rules' thresholds, clear conditions and quiet periods, defined once: the bridge's
// rules engine, the fleet health words, the web and docs/maintenance-rules.md all read these.
import { z } from 'zod';
import { IsoDateTime } from './common.ts';

export interface Thresholds {
  deepDischargeSocPct: number;
  deepDischargeClearSocPct: number;
  /** Deep discharge also clears once the chair has been charging this long without a break. */
  deepDischargeChargingClearMinutes: number;
  chargingHabitsEvents: number;
  chargingHabitsWindowDays: number;
  wearCapacityPct: number;
  wearClearCapacityPct: number;
  wearMinCycles: number;
  /** A battery-replacement work order opens this long before the forecast crosses the wear limit. */
  wearLeadDays: number;
  /** A forecast needs capacity points on this many days of the current battery. */
  wearForecastMinDays: number;
  /** Above this RMS residual (capacity %) the fit is poor and the forecast shows its error band. */
  wearPoorFitPct: number;
  overTempC: number;
  overTempClearC: number;
  silentDays: number;
  lowUseMinutesPerDay: number;
  lowUseClearMinutesPerDay: number;
  lowUseDays: number;
  /** A sample received later than this after its own timestamp tells the past, not the present. */
  freshnessMinutes: number;
  /** A condition that returns within this time after clearing continues the same alert (episode). */
  quietMinutes: number;
  /** Family notices per chair per rolling day, at most. */
  familyNoticesPerDay: number;
}

export const defaultThresholds: Readonly<Thresholds> = Object.freeze({
  deepDischargeSocPct: 20,
  deepDischargeClearSocPct: 30,
  deepDischargeChargingClearMinutes: 10,
  chargingHabitsEvents: 4,
  chargingHabitsWindowDays: 30,
  wearCapacityPct: 70,
  wearClearCapacityPct: 75,
  wearMinCycles: 20,
  wearLeadDays: 60,
  wearForecastMinDays: 5,
  wearPoorFitPct: 2,
  overTempC: 50,
  overTempClearC: 45,
  silentDays: 7,
  lowUseMinutesPerDay: 30,
  lowUseClearMinutesPerDay: 45,
  lowUseDays: 14,
  freshnessMinutes: 15,
  quietMinutes: 30,
  familyNoticesPerDay: 3,
});

/**
 * What a device model may set for its own chairs, with sane bounds ([min, max, integer]): the
 * battery, use and silence rules. Freshness, quiet time and family notices are the deployment's
 * (core/config/env.ts), not a model's.
 */
export const modelThresholdBounds = {
  deepDischargeSocPct: [1, 60, false],
  deepDischargeClearSocPct: [2, 80, false],
  deepDischargeChargingClearMinutes: [0, 240, false],
  chargingHabitsEvents: [1, 50, true],
  chargingHabitsWindowDays: [1, 180, true],
  wearCapacityPct: [30, 95, false],
  wearClearCapacityPct: [31, 100, false],
  wearMinCycles: [0, 500, true],
  wearLeadDays: [0, 730, true],
  wearForecastMinDays: [2, 60, true],
  wearPoorFitPct: [0.1, 20, false],
  overTempC: [30, 90, false],
  overTempClearC: [20, 85, false],
  silentDays: [1, 90, true],
  lowUseMinutesPerDay: [0, 600, false],
  lowUseClearMinutesPerDay: [1, 720, false],
  lowUseDays: [1, 90, true],
} as const satisfies Partial<Record<keyof Thresholds, readonly [number, number, boolean]>>;
export type ModelThresholdKey = keyof typeof modelThresholdBounds;
export type ModelThresholds = Partial<Pick<Thresholds, ModelThresholdKey>>;

/** Trigger and clear of each rule that clears with hysteresis, and on which side the clear lies. */
export const hysteresisPairs = [
  ['deepDischargeSocPct', 'deepDischargeClearSocPct', 'above'],
  ['wearCapacityPct', 'wearClearCapacityPct', 'above'],
  ['lowUseMinutesPerDay', 'lowUseClearMinutesPerDay', 'above'],
  ['overTempC', 'overTempClearC', 'below'],
] as const satisfies readonly (readonly [ModelThresholdKey, ModelThresholdKey, 'above' | 'below'])[];

const thresholdShape = Object.fromEntries(
  Object.entries(modelThresholdBounds).map(([key, [min, max, int]]) => [key, (int ? z.number().int() : z.number()).min(min).max(max).optional()]),
) as Record<ModelThresholdKey, z.ZodOptional<z.ZodNumber>>;

/**
 * A model's thresholds where they differ from the defaults: each within its bounds, and merged over
 * the defaults every clear still lies on the far side of its trigger (no flapping, no stuck rule).
 */
export const ModelThresholds = z
  .object(thresholdShape)
  .strict()
  .superRefine((value, ctx) => {
    const merged: Thresholds = { ...defaultThresholds, ...value };
    for (const [trigger, clear, side] of hysteresisPairs) {
      const ok = side === 'above' ? merged[clear] > merged[trigger] : merged[clear] < merged[trigger];
      if (!ok) {
        ctx.addIssue({
          code: 'custom',
          path: [value[clear] !== undefined ? clear : trigger],
          message: `${clear} (${merged[clear]}) must be ${side} ${trigger} (${merged[trigger]})`,
        });
      }
    }
  })
  .meta({ id: 'ModelThresholds' });

/** The thresholds a chair's rules use: a model's own over the given base (the defaults, or the deployment's). */
export function mergeThresholds(base: Readonly<Thresholds>, own: ModelThresholds | null | undefined): Thresholds {
  return own ? { ...base, ...own } : { ...base };
}

/**
 * The fleet's health words for one set of thresholds: the rule thresholds, plus the view's own early
 * marks ("wearing", "silent for a day") before a rule fires.
 */
export function healthThresholdsFor(t: Readonly<Thresholds>) {
  return Object.freeze({
    /** Full-charge capacity below this share of the rated Ah: the battery is worn out (the battery-wear rule). */
    wornPct: t.wearCapacityPct,
    /** Below this it is on its way there. */
    wearingPct: t.wearCapacityPct + 10,
    lowChargePct: t.deepDischargeSocPct,
    /** An electric chair in use that has been silent this long is worth a look… */
    silentHours: 24,
    /** …and this long is the silent-chair rule's threshold. */
    silentLongHours: t.silentDays * 24,
  });
}
export type HealthThresholds = ReturnType<typeof healthThresholdsFor>;

/** The health words with the default thresholds (chairs whose model sets none). */
export const healthThresholds = healthThresholdsFor(defaultThresholds);

/** The battery-wear forecast of a chair's current battery, as the API serves it. */
export const BatteryForecast = z
  .object({
    capacityPct: z.number().nullable().describe('full-charge capacity today, % of rated'),
    thresholdPct: z.number(),
    crossAt: IsoDateTime.nullable().describe('when the fitted line reaches the threshold; null when flat, rising or too little data'),
    earliestAt: IsoDateTime.nullable().describe('poor fit only: the early edge of the error band'),
    latestAt: IsoDateTime.nullable().describe('poor fit only: the late edge of the error band'),
    slopePctPerDay: z.number().nullable(),
    linePctToday: z.number().nullable().describe('the fitted line today; with the slope it draws the line'),
    residualPct: z.number().nullable().describe('RMS distance of the points from the line'),
    poorFit: z.boolean(),
    needsDays: z.number().int().describe('days of data still needed before there is a forecast (0 when there is one)'),
    batteryInstalledAt: IsoDateTime.nullable(),
    points: z.array(z.object({ t: z.number().describe('epoch ms'), capacityPct: z.number() })).optional().describe('daily capacity of the current battery (chair page only)'),
  })
  .meta({ id: 'BatteryForecast' });
export type BatteryForecast = z.infer<typeof BatteryForecast>;
