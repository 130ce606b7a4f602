// The battery-wear forecast as staff read it: for the fleet list, the one the rules engine last
// stored (one small JSON per chair); for a chair's page, fitted afresh from the current battery's
// daily capacity with the rules' own function and thresholds, with the points for its chart.
import { forecastCrossing } from '../../../core/maintenance/forecast.ts';
import { type BatteryForecast, defaultThresholds } from '../../../schemas/maintenance-rules.ts';
import type { TelemetryReader } from '../../../core/telemetry/telemetry-reader.ts';

const DAY = 86_400_000;
/** How far back capacity points are read, as the rules engine does. */
const WINDOW_MS = 180 * DAY;

type Stored = Omit<BatteryForecast, 'capacityPct' | 'batteryInstalledAt' | 'points'>;

/** The list's view from the rule state's JSON (null when the rules never judged the battery). */
export function storedForecast(json: string | null, capacityPct: number | null, batteryInstalledAt: Date | null): BatteryForecast | null {
  if (!json) return null;
  const f = JSON.parse(json) as Partial<Stored>;
  return {
    capacityPct,
    thresholdPct: f.thresholdPct ?? defaultThresholds.wearCapacityPct,
    crossAt: f.crossAt ?? null,
    earliestAt: f.earliestAt ?? null,
    latestAt: f.latestAt ?? null,
    slopePctPerDay: f.slopePctPerDay ?? null,
    linePctToday: f.linePctToday ?? null,
    residualPct: f.residualPct ?? null,
    poorFit: f.poorFit ?? false,
    needsDays: f.needsDays ?? defaultThresholds.wearForecastMinDays,
    batteryInstalledAt: batteryInstalledAt?.toISOString() ?? null,
  };
}

/** A chair page's forecast, with the daily points of the current battery. */
export async function chairForecast(
  telemetry: Pick<TelemetryReader, 'capacitySeries'>,
  chair: { key: number; ratedAh: number | null; batteryInstalledAt: Date | null; capacityPct: number | null },
  now: number,
): Promise<BatteryForecast | null> {
  if (!chair.ratedAh) return null;
  // Battery life is per battery: points from before the installation belong to the old one.
  const from = Math.max(now - WINDOW_MS, chair.batteryInstalledAt?.getTime() ?? 0);
  const raw = await telemetry.capacitySeries(chair.key, from);
  const t = defaultThresholds;
  const f = forecastCrossing(
    raw.map((p) => ({ t: p.t, capacityPct: (p.ah / chair.ratedAh!) * 100 })),
    { thresholdPct: t.wearCapacityPct, now, minDays: t.wearForecastMinDays, poorFitPct: t.wearPoorFitPct },
  );
  return { ...f, capacityPct: chair.capacityPct, batteryInstalledAt: chair.batteryInstalledAt?.toISOString() ?? null };
}
