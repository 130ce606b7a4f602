// Devices: scoping, and the view of a chair each role may see (families: state, battery, last seen
// and service due only). One chair comes from the fleet read model; the list from fleet-list.ts.
import type { ChairState, ChairStateDetail, DeviceDetail, DeviceSummary } from '../../../schemas/devices.ts';
import { canSeeClinical } from '../access/policy.ts';
import type { Db } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';
import { notFound } from '../lib/errors.ts';
import type { FleetReadModel, FleetRow } from '../../../core/telemetry/fleet-read-model.ts';
import { storedForecast } from './battery-forecast.ts';
import { assessHealth, capacityPct, type HealthInput, serviceDue } from './fleet-health.ts';
import { type HealthThresholds, healthThresholdsFor, type Thresholds } from '../../../schemas/maintenance-rules.ts';
import { chairThresholds } from '../../../core/maintenance/model-thresholds.ts';
import type { ChairStateRow } from '../../../core/telemetry/telemetry-reader.ts';
import { canSeeDevice, deviceScope } from '../access/scopes.ts';
import { withinTenure } from '../../../core/chair-life/tenure.ts';

export const isFamily = (a: Actor) => a.role === 'family';

/** A device for writes that concern it (e.g. opening a work order): 404 unless the actor may see it. */
export async function findVisibleDevice(db: Db, actor: Actor, id: string) {
  const d = await db.device.findFirst({ where: { AND: [{ id }, deviceScope(actor)] }, select: { id: true, centreId: true, model: { select: { kind: true } } } });
  if (!d) throw notFound('device');
  return d;
}

/** One fleet row as the actor may see it; 404 otherwise (whether missing or not theirs). */
export async function findVisibleFleetRow(model: FleetReadModel, actor: Actor, id: string, now?: Date): Promise<FleetRow> {
  const d = await model.fleetRow(id, !canSeeClinical(actor), now);
  if (!d || !canSeeDevice(actor, { centreId: d.centreId, beneficiaryId: d.beneficiary?.id ?? null, transitToCentreId: d.transitToCentreId })) throw notFound('device');
  return d;
}

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

function stateView(s: ChairStateRow, ratedAh: number | null, staff: boolean): ChairState {
  const view: ChairState = { online: s.online, lastSeenAt: iso(s.receivedAt), socPct: s.socPct, charging: s.charging };
  if (staff) {
    view.voltageV = s.voltageV;
    view.currentA = s.currentA;
    view.tempC = s.tempC;
    view.capacityPct = capacityPct(s.fullChargeAh, ratedAh);
  }
  return view;
}

function service(d: FleetRow, now: Date) {
  return serviceDue({
    createdAt: d.createdAt,
    lastServiceAt: d.lastServiceAt,
    lastServiceOdometerM: d.lastServiceOdometerM,
    serviceIntervalMonths: d.model.serviceIntervalMonths,
    serviceIntervalKm: d.model.serviceIntervalKm,
    odometerM: d.state?.odometerM,
    now,
  });
}

export type Health = ReturnType<typeof assessHealth>;

/** The latest state the pages may show: none while telemetry is off (what is left is stale). */
const liveState = (d: FleetRow) => (d.model.kind === 'electric' && !d.telemetryOff ? d.state : undefined);

/** The deployment's rule settings (RULES_*), which a model's own thresholds override. */
export type RuleSettings = Readonly<Partial<Thresholds>>;

/** The health words' limits for a chair: its effective thresholds (one decision with the rules engine). */
export function limitsOf(d: FleetRow, rules: RuleSettings, cache?: Map<string, HealthThresholds>): HealthThresholds {
  const key = d.model.thresholds ?? '';
  let limits = cache?.get(key);
  if (!limits) {
    limits = healthThresholdsFor(chairThresholds(d.model.thresholds, rules));
    cache?.set(key, limits);
  }
  return limits;
}

/** What the health words are judged from, for a chair at an instant. */
export function healthInputOf(d: FleetRow, now: number, limits: HealthThresholds): HealthInput {
  const electric = d.model.kind === 'electric';
  // A chair whose telemetry is off is silent on purpose: judged by its alerts and service alone.
  const inUse = d.status === 'in_use' && !d.telemetryOff;
  return { electric, inUse, state: liveState(d), ratedAh: d.model.ratedAh, alerts: d.alerts, now, limits };
}

const healthOf = (d: FleetRow, now: Date, limits: HealthThresholds): Health => assessHealth(healthInputOf(d, now.getTime(), limits));

export function toSummary(d: FleetRow, actor: Actor, now: Date, rules: RuleSettings, due = service(d, now), entry?: { health: Health; limits: HealthThresholds }): DeviceSummary {
  const staff = !isFamily(actor);
  const live = liveState(d);
  // A re-issued chair's last reading may date from the previous user's time: not theirs to see.
  const s = live && (staff || withinTenure(actor.chairs, d.id, live.receivedAt ?? 0)) ? live : undefined;
  const summary: DeviceSummary = {
    id: d.id,
    serial: d.serial,
    kind: d.model.kind,
    status: d.status,
    modelName: d.model.name,
    centreId: d.centreId,
    centreName: d.centreName,
    state: s ? stateView(s, d.model.ratedAh, staff) : null,
    telemetryOff: d.telemetryOff,
    serviceDueAt: due.dueAt,
  };
  if (!staff) return summary;
  // Filled in place rather than spread: the fleet list builds fifty of these per refresh.
  const limits = entry?.limits ?? limitsOf(d, rules);
  const { risk, reasons } = entry?.health ?? healthOf(d, now, limits);
  summary.beneficiary = d.beneficiary;
  summary.openAlerts = (d.alerts.critical ?? 0) + (d.alerts.warning ?? 0) + (d.alerts.info ?? 0);
  summary.openWorkOrders = d.activeWorkOrders;
  summary.risk = risk;
  summary.riskReasons = reasons;
  if (d.model.kind === 'electric') summary.healthLimits = { wornPct: limits.wornPct, wearingPct: limits.wearingPct };
  if (d.model.kind === 'electric') summary.batteryForecast = storedForecast(d.wearForecast, summary.state?.capacityPct ?? null, d.batteryInstalledAt);
  return summary;
}

export function toDetail(d: FleetRow, actor: Actor, now: Date, rules: RuleSettings): DeviceDetail {
  const staff = !isFamily(actor);
  const due = service(d, now);
  const summary = toSummary(d, actor, now, rules, due);
  const s = d.state;
  let state: ChairStateDetail | null = summary.state;
  if (state && s && staff) {
    state = {
      ...state,
      cycleCount: s.cycleCount,
      fullChargeAh: s.fullChargeAh,
      odometerM: s.odometerM,
      motorSeconds: s.motorSeconds,
      seatTiltDeg: s.seatTiltDeg,
      faults: s.faults ? (JSON.parse(s.faults) as { code: string; active: boolean }[]) : [],
      firmware: s.fw,
      deviceTime: iso(s.lastTs),
    };
  }
  if (!staff) return { ...summary, state, service: due };
  const m = d.model;
  return {
    ...summary,
    state,
    service: due,
    model: {
      id: m.id,
      name: m.name,
      manufacturer: m.manufacturer,
      batteryChemistry: m.batteryChemistry as 'agm' | 'lifepo4' | 'gel' | null,
      ratedAh: m.ratedAh,
      ratedCycles: m.ratedCycles,
      serviceIntervalKm: m.serviceIntervalKm,
      serviceIntervalMonths: m.serviceIntervalMonths,
    },
    counters: { samples: Number(s?.samples ?? 0), duplicates: Number(s?.duplicates ?? 0), rejected: Number(s?.rejected ?? 0), withheld: d.withheld },
    batteryInstalledAt: d.batteryInstalledAt?.toISOString() ?? null,
    lastServiceOdometerM: d.lastServiceOdometerM,
  };
}
