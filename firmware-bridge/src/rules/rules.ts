// The maintenance rules (docs/maintenance-rules.md) as pure functions: each reads a chair snapshot
// and its own previous state and returns the next state; the engine turns activations into work
// orders and alerts. Every rule clears with hysteresis so a value hovering at a threshold does not flap.
import { defaultThresholds, type Thresholds } from '../../../schemas/maintenance-rules.ts';
import { type DischargeTrack, emptyTrack } from './discharge.ts';
import { faultCategory, type MaintenanceRule, type WorkOrderPriority } from '../../../schemas/work-orders.ts';
import { type CapacityPoint, forecastCrossing } from '../../../core/maintenance/forecast.ts';
import type { Outcome } from '../../../core/maintenance/outcome.ts';
import type { RulesChairState } from '../../../core/telemetry/rules-reads.ts';

const DAY = 86_400_000;

export interface ChairSnapshot {
  deviceId: string;
  status: string;
  /** Its user has no active telemetry consent: nothing is stored, so silence and low use mean nothing. */
  telemetryOff?: boolean;
  model: { ratedAh: number | null; ratedCycles: number | null; serviceIntervalKm: number | null; serviceIntervalMonths: number };
  state: RulesChairState | null;
  /** Deep-discharge episodes from every stored sample in ts order (the engine keeps it current). */
  discharge?: DischargeTrack;
  /** When the chair was delivered (in use since); null if never. */
  deliveredAt: number | null;
  /** When the current battery went in; capacity points before it belong to an earlier battery. */
  batteryInstalledAt: number | null;
  /** Start of the current service interval: last service, else delivery. */
  serviceSince: number | null;
  serviceOdometerM: number | null;
  /** Driving seconds per day over the last days, oldest first (from hourly rollups). */
  dailyMotorSeconds: number[];
  capacityPoints: CapacityPoint[];
}

export interface RuleState {
  active: boolean;
  since: number | null;
  data: Record<string, unknown>;
}

export type { Thresholds };
export { defaultThresholds };

export type Priority = WorkOrderPriority;

/** What a rule asks of the maintenance service; its data, not the rule's name, decides what differs. */
export type { Outcome };

export interface RuleContext {
  now: number;
  t: Thresholds;
  /** Next states of rules evaluated earlier in this pass (charging habits reads deep discharges). */
  states: Map<string, RuleState>;
}

export interface Rule {
  key: MaintenanceRule;
  /** Judges the chair's current state: nothing changes while its newest sample is not fresh. */
  present?: boolean;
  /** Its state keeps the chair's deep-discharge track and how far the samples were read (discharge.ts). */
  keepsDischargeTrack?: boolean;
  evaluate(s: ChairSnapshot, prev: RuleState, ctx: RuleContext): { next: RuleState; outcome: Outcome };
}

const MINUTE = 60_000;

/**
 * The newest sample tells the present only if it arrived within the freshness window of its own
 * time; a backlog resent after an outage tells the past.
 */
export function isFresh(s: ChairSnapshot, t: Thresholds): boolean {
  const st = s.state;
  return !!st && st.ts !== null && st.receivedAt !== null && st.receivedAt - st.ts <= t.freshnessMinutes * MINUTE;
}

/** Active when `on`, inactive again only when `off` (hysteresis); `since` marks the activation. */
function latch(prev: RuleState, on: boolean, off: boolean, now: number, data: Record<string, unknown> = prev.data): RuleState {
  if (!prev.active && on) return { active: true, since: now, data };
  if (prev.active && off) return { active: false, since: null, data };
  return { ...prev, data };
}

export const rules: Rule[] = [
  {
    key: 'deep_discharge',
    keepsDischargeTrack: true,
    // Episodes come from every sample (discharge.ts); this decides only the live alert: raised when
    // the present (a fresh newest sample) is deep, held while its episode lasts.
    evaluate(s, prev, { now, t }) {
      const st = s.state;
      const track = s.discharge ?? emptyTrack();
      const last = track.episodes.at(-1);
      const open = last && last.end === null ? last : null;
      const deepNow = !!st && st.socPct !== null && st.socPct < t.deepDischargeSocPct && st.charging === false;
      const active = prev.active ? !!open : !!open && deepNow && isFresh(s, t);
      const since = active ? (prev.active ? prev.since : now) : null;
      return {
        next: { active, since, data: { ...prev.data, track } },
        outcome: { alert: { severity: 'info', details: { socPct: st?.socPct, nudge: 'charge', episodeStart: open?.start ?? null }, follows: 'episode' } },
      };
    },
  },
  {
    key: 'charging_habits',
    evaluate(_s, prev, { now, t, states }) {
      // Every episode counts, those found in a backlog too: they happened.
      const track = states.get('deep_discharge')?.data.track as DischargeTrack | undefined;
      const events = (track?.episodes ?? []).filter((e) => e.start > now - t.chargingHabitsWindowDays * DAY);
      const next = latch(prev, events.length >= t.chargingHabitsEvents, events.length < 2, now, { recentDeepDischarges: events.length });
      return {
        next,
        outcome: { workOrder: { kind: 'charging_training', priority: 'normal', details: { deepDischarges: events.length, windowDays: t.chargingHabitsWindowDays } } },
      };
    },
  },
  {
    key: 'battery_wear',
    present: true,
    evaluate(s, prev, { now, t }) {
      // Battery life is per battery: a reading received before the new battery went in is the old one's.
      const st = s.state && (s.batteryInstalledAt === null || (s.state.receivedAt ?? 0) >= s.batteryInstalledAt) ? s.state : null;
      const rated = s.model.ratedAh;
      const capacity = st?.fullChargeAh && rated ? (st.fullChargeAh / rated) * 100 : null;
      const cycles = st?.cycleCount ?? null;
      const young = cycles !== null && cycles < t.wearMinCycles; // a new battery reads low at first
      const overCycled = cycles !== null && s.model.ratedCycles !== null && cycles > s.model.ratedCycles;
      const forecast = forecastCrossing(s.capacityPoints, { thresholdPct: t.wearCapacityPct, now, minDays: t.wearForecastMinDays, poorFitPct: t.wearPoorFitPct });
      // A battery is ordered a lead time before the line crosses the limit, so the chair never strands
      // its user; the order stays until the forecast moves well beyond the lead time again.
      const untilCross = forecast.crossAt ? Date.parse(forecast.crossAt) - now : null;
      const soon = untilCross !== null && untilCross <= t.wearLeadDays * DAY;
      const later = untilCross === null || untilCross > (t.wearLeadDays + 30) * DAY;
      const worn = (capacity !== null && capacity < t.wearCapacityPct) || overCycled;
      const on = !young && (worn || soon);
      const off = young || ((capacity === null || capacity >= t.wearClearCapacityPct) && !overCycled && later);
      // The state keeps the forecast without its points: the fleet list reads it for every chair.
      const { points: _points, ...line } = forecast;
      const data = { capacityPct: capacity, cycles, batteryInstalledAt: s.batteryInstalledAt, forecast: line };
      const next = latch(prev, on, off, now, data);
      return {
        next,
        outcome: {
          workOrder: {
            kind: 'battery_replacement', priority: worn ? 'high' : 'normal', forecastAt: forecast.crossAt,
            details: { capacityPct: capacity, cycles, ratedCycles: s.model.ratedCycles, reason: worn ? 'worn' : 'forecast', leadDays: t.wearLeadDays, forecast },
            // Keep the forecast current while the replacement is pending.
            refresh: true,
          },
          alert: { severity: 'warning', details: { capacityPct: capacity, cycles } },
        },
      };
    },
  },
  {
    key: 'over_temperature',
    present: true,
    evaluate(s, prev, { now, t }) {
      const temp = s.state?.tempC ?? null;
      const next = latch(prev, temp !== null && temp > t.overTempC, temp === null || temp < t.overTempClearC, now, { tempC: temp });
      return { next, outcome: { alert: { severity: 'critical', details: { tempC: temp } } } };
    },
  },
  {
    key: 'controller_fault',
    present: true,
    evaluate(s, prev, { now }) {
      const active = (s.state?.faults ?? []).filter((f) => f.active).map((f) => f.code);
      const next = latch(prev, active.length > 0, active.length === 0, now, { codes: active });
      const categories = [...new Set(active.map(faultCategory))];
      return {
        next,
        outcome: {
          workOrder: { kind: 'repair', category: categories[0] ?? 'other', priority: 'high', details: { codes: active, categories } },
          alert: { severity: 'warning', details: { codes: active } },
        },
      };
    },
  },
  {
    key: 'preventive_service',
    evaluate(s, prev, { now }) {
      const months = s.model.serviceIntervalMonths;
      const km = s.model.serviceIntervalKm;
      const dueByTime = s.serviceSince !== null && now - s.serviceSince >= months * 30.4 * DAY;
      const driven = s.state?.odometerM != null && s.serviceOdometerM != null ? (s.state.odometerM - s.serviceOdometerM) / 1000 : null;
      const dueByKm = km !== null && driven !== null && driven >= km;
      const due = s.status === 'in_use' && (dueByTime || dueByKm);
      const next = latch(prev, due, !due, now, { kmSinceService: driven, serviceSince: s.serviceSince });
      return { next, outcome: { workOrder: { kind: 'preventive_service', priority: 'normal', details: { kmSinceService: driven, dueBy: dueByKm ? 'distance' : 'time' } } } };
    },
  },
  {
    key: 'silent_chair',
    evaluate(s, prev, { now, t }) {
      const last = s.state?.receivedAt ?? s.deliveredAt;
      const silent = !s.telemetryOff && s.status === 'in_use' && last !== null && now - last > t.silentDays * DAY;
      const next = latch(prev, silent, !silent, now, { lastSeen: last });
      return {
        next,
        outcome: { workOrder: { kind: 'check_in', priority: 'normal', details: { lastSeen: last ? new Date(last).toISOString() : null } }, autoResolve: true },
      };
    },
  },
  {
    key: 'low_use',
    evaluate(s, prev, { now, t }) {
      const days = s.dailyMotorSeconds.slice(-t.lowUseDays);
      const settled = s.deliveredAt !== null && now - s.deliveredAt >= t.lowUseDays * DAY && days.length >= t.lowUseDays;
      const avgMin = days.length ? days.reduce((a, b) => a + b, 0) / days.length / 60 : null;
      const on = !s.telemetryOff && s.status === 'in_use' && settled && avgMin !== null && avgMin < t.lowUseMinutesPerDay;
      const off = !!s.telemetryOff || !settled || avgMin === null || avgMin >= t.lowUseClearMinutesPerDay;
      const next = latch(prev, on, off, now, { avgMinutesPerDay: avgMin === null ? null : Math.round(avgMin) });
      return { next, outcome: { workOrder: { kind: 'follow_up', priority: 'normal', details: { avgMinutesPerDay: avgMin === null ? null : Math.round(avgMin), days: t.lowUseDays } } } };
    },
  },
];
