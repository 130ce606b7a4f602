// How healthy a chair is, at a glance: a risk level with its reasons (open alerts, battery
// capacity, silence, charge), and when its next service is due. Pure functions of their inputs.
import type { Risk, RiskReason } from '../../../schemas/devices.ts';
import { type HealthThresholds, healthThresholds } from '../../../schemas/maintenance-rules.ts';
import type { AlertSeverity } from '../../../schemas/work-orders.ts';

const reasonLevel: Record<RiskReason, Exclude<Risk, 'ok'>> = {
  critical_alert: 'high',
  battery_worn: 'high',
  warning_alert: 'medium',
  battery_wearing: 'medium',
  info_alert: 'low',
  low_charge: 'low',
  never_reported: 'low',
  silent: 'medium',
};

export const riskRank: Record<Risk, number> = { ok: 0, low: 1, medium: 2, high: 3 };

export interface HealthInput {
  electric: boolean;
  inUse: boolean;
  /** Latest state, or undefined when the chair never reported. */
  state: { receivedAt: number | null; socPct: number | null; charging: boolean | null; fullChargeAh: number | null } | undefined;
  ratedAh: number | null;
  /** Open alerts of the chair, by severity. */
  alerts: Partial<Record<AlertSeverity, number>>;
  now: number;
  /** The words for the chair's model (its own thresholds over the defaults); the defaults' when absent. */
  limits?: HealthThresholds;
}

export function capacityPct(fullChargeAh: number | null | undefined, ratedAh: number | null | undefined): number | null {
  if (!fullChargeAh || !ratedAh) return null;
  return Math.round((fullChargeAh / ratedAh) * 1000) / 10;
}

export function assessHealth(i: HealthInput): { risk: Risk; reasons: RiskReason[] } {
  const levels = new Map<RiskReason, Exclude<Risk, 'ok'>>();
  const add = (r: RiskReason, level = reasonLevel[r]) => levels.set(r, level);
  const limits = i.limits ?? healthThresholds;
  if (i.alerts.critical) add('critical_alert');
  if (i.alerts.warning) add('warning_alert');
  if (i.alerts.info) add('info_alert');
  if (i.electric) {
    const capacity = capacityPct(i.state?.fullChargeAh, i.ratedAh);
    if (capacity !== null && capacity < limits.wornPct) add('battery_worn');
    else if (capacity !== null && capacity < limits.wearingPct) add('battery_wearing');
    const soc = i.state?.socPct ?? null;
    if (soc !== null && soc < limits.lowChargePct && i.state?.charging === false) add('low_charge');
    const seen = i.state?.receivedAt ?? null;
    if (i.inUse && seen === null) add('never_reported');
    if (i.inUse && seen !== null) {
      const silentHours = (i.now - seen) / 3_600_000;
      // A week of silence is the silent-chair rule's threshold: as serious as a critical alert.
      if (silentHours >= limits.silentLongHours) add('silent', 'high');
      else if (silentHours >= limits.silentHours) add('silent');
    }
  }
  let risk: Risk = 'ok';
  for (const level of levels.values()) if (riskRank[level] > riskRank[risk]) risk = level;
  return { risk, reasons: [...levels.keys()] };
}

/**
 * The instant from which the same input may be judged differently with time alone (silence grows),
 * or Infinity: a cached judgement stays right until then or until the input changes.
 */
export function healthChangesAt(i: HealthInput): number {
  const seen = i.state?.receivedAt ?? null;
  if (!i.electric || !i.inUse || seen === null) return Infinity;
  const limits = i.limits ?? healthThresholds;
  const ahead = [limits.silentHours, limits.silentLongHours].map((h) => seen + h * 3_600_000).filter((at) => at > i.now);
  return Math.min(Infinity, ...ahead);
}

export interface ServiceInput {
  createdAt: Date;
  lastServiceAt: Date | null;
  lastServiceOdometerM: number | null;
  serviceIntervalMonths: number;
  serviceIntervalKm: number | null;
  odometerM: number | null | undefined;
  now: Date;
}

export function addMonths(d: Date, months: number): Date {
  const out = new Date(d.getTime());
  const day = out.getUTCDate();
  out.setUTCDate(1);
  out.setUTCMonth(out.getUTCMonth() + months);
  const last = new Date(Date.UTC(out.getUTCFullYear(), out.getUTCMonth() + 1, 0)).getUTCDate();
  out.setUTCDate(Math.min(day, last));
  return out;
}

/** Due by months since the last service (or since the chair was registered) or by distance driven. */
export function serviceDue(i: ServiceInput) {
  const dueAt = addMonths(i.lastServiceAt ?? i.createdAt, i.serviceIntervalMonths);
  const kmSinceService =
    i.odometerM === null || i.odometerM === undefined ? null : Math.max(0, Math.round((i.odometerM - (i.lastServiceOdometerM ?? 0)) / 100) / 10);
  const byKm = i.serviceIntervalKm !== null && kmSinceService !== null && kmSinceService >= i.serviceIntervalKm;
  return {
    lastServiceAt: i.lastServiceAt?.toISOString() ?? null,
    dueAt: dueAt.toISOString(),
    kmSinceService,
    kmInterval: i.serviceIntervalKm,
    due: i.now >= dueAt || byKm,
  };
}
