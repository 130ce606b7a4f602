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
 * The fleet's health words: the rule thresholds, plus the view's own early marks ("wearing",
 * "silent for a day") before a rule fires.
 */
export const healthThresholds = Object.freeze({
  /** Full-charge capacity below this share of the rated Ah: the battery is worn out (the battery-wear rule). */
  wornPct: defaultThresholds.wearCapacityPct,
  /** Below this it is on its way there. */
  wearingPct: 80,
  lowChargePct: defaultThresholds.deepDischargeSocPct,
  /** An electric chair in use that has been silent this long is worth a look… */
  silentHours: 24,
  /** …and this long is the silent-chair rule's threshold. */
  silentLongHours: defaultThresholds.silentDays * 24,
});

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
