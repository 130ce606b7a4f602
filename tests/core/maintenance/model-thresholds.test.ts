// A chair's effective thresholds (core/maintenance/model-thresholds.ts `chairThresholds`): one
// decision for the rules engine and the fleet health words, so both use the same numbers, and the
// health reasons quote the chair's own battery-wear limits.
import { describe, expect, it } from 'vitest';
import { chairThresholds } from '../../../core/maintenance/model-thresholds.ts';
import { defaultThresholds, healthThresholdsFor } from '../../../schemas/maintenance-rules.ts';
import { assessHealth } from '../../../server/src/devices/fleet-health.ts';

const ownWear = JSON.stringify({ wearCapacityPct: 60, wearClearCapacityPct: 65 });

describe('chairThresholds', () => {
  it('is the defaults for a model without its own and no deployment settings', () => {
    expect(chairThresholds(null)).toEqual(defaultThresholds);
  });

  it('applies the deployment\'s settings over the defaults, and the model\'s own over both', () => {
    const deployment = { wearLeadDays: 30, wearCapacityPct: 72, wearClearCapacityPct: 77 };
    const t = chairThresholds(ownWear, deployment);
    expect(t).toMatchObject({ wearLeadDays: 30, wearCapacityPct: 60, wearClearCapacityPct: 65, silentDays: defaultThresholds.silentDays });
    expect(chairThresholds(null, deployment)).toMatchObject({ wearLeadDays: 30, wearCapacityPct: 72 });
  });

  it('ignores stored text that is not a valid set of thresholds (the base holds)', () => {
    expect(chairThresholds('{not json', { wearLeadDays: 10 })).toEqual({ ...defaultThresholds, wearLeadDays: 10 });
    expect(chairThresholds(JSON.stringify({ wearCapacityPct: 5 }))).toEqual(defaultThresholds);
  });
});

describe('the fleet health words for a model with its own wear limit', () => {
  const limits = healthThresholdsFor(chairThresholds(ownWear));
  const judge = (fullChargeAh: number, l = limits) =>
    assessHealth({ electric: true, inUse: false, state: { receivedAt: 0, socPct: 80, charging: false, fullChargeAh }, ratedAh: 20, alerts: {}, now: 0, limits: l }).reasons;

  it('quote the model\'s percentages, not the defaults', () => {
    expect(limits).toMatchObject({ wornPct: 60, wearingPct: 70 });
    expect(healthThresholdsFor(chairThresholds(null)).wornPct).toBe(defaultThresholds.wearCapacityPct);
  });

  it('call a battery at 65 % worn by the defaults but only wearing by the model\'s own limit', () => {
    expect(judge(13, healthThresholdsFor(defaultThresholds))).toEqual(['battery_worn']);
    expect(judge(13)).toEqual(['battery_wearing']);
    expect(judge(11)).toEqual(['battery_worn']);
  });
});
