// Devices (the fleet): latest chair state, health/risk, service due, telemetry series and the
// messages the bridge refused. Families get a trimmed view (fields marked "staff").
import { z } from 'zod';
import { Id, IsoDateTime, PageQuery, text } from './common.ts';
import { BatteryForecast } from './maintenance-rules.ts';
import { RejectReason } from './telemetry.ts';

export const DeviceStatus = z.enum(['in_stock', 'reserved', 'in_use', 'on_loan', 'in_repair', 'refurbishing', 'in_transit', 'retired']);
export type DeviceStatus = z.infer<typeof DeviceStatus>;

/** A serial as compared nationally: upper case and without whitespace ("atm-e 00012" and "ATM-E00012" are one chair). */
export function serialKey(serial: string): string {
  return serial.replace(/\s+/g, '').toUpperCase();
}
export const DeviceKind = z.enum(['manual_adaptive', 'electric']);
export type DeviceKind = z.infer<typeof DeviceKind>;
export const BatteryChemistry = z.enum(['agm', 'lifepo4', 'gel']);
export type BatteryChemistry = z.infer<typeof BatteryChemistry>;
/** A seat width or depth in millimetres, as prescribed, catalogued or received. */
export const SeatMm = z.number().int().min(150).max(700);

/** Health/risk of a chair, from open alerts, battery capacity and silence; `high` first in the fleet. */
export const Risk = z.enum(['ok', 'low', 'medium', 'high']);
export type Risk = z.infer<typeof Risk>;
export const RiskReason = z.enum([
  'critical_alert', 'warning_alert', 'info_alert', 'battery_worn', 'battery_wearing', 'low_charge', 'silent', 'never_reported',
]);
export type RiskReason = z.infer<typeof RiskReason>;

export const ChairState = z
  .object({
    online: z.boolean(),
    lastSeenAt: z.string().nullable().describe('when the server last received a sample'),
    socPct: z.number().nullable(),
    charging: z.boolean().nullable(),
    // staff
    voltageV: z.number().nullable().optional(),
    currentA: z.number().nullable().optional(),
    tempC: z.number().nullable().optional(),
    capacityPct: z.number().nullable().optional().describe('full-charge capacity as % of the rated Ah'),
  })
  .meta({ id: 'ChairState' });
export type ChairState = z.infer<typeof ChairState>;

export const ChairStateDetail = ChairState.extend({
  cycleCount: z.number().int().nullable().optional(),
  fullChargeAh: z.number().nullable().optional(),
  odometerM: z.number().int().nullable().optional(),
  motorSeconds: z.number().int().nullable().optional(),
  seatTiltDeg: z.number().nullable().optional(),
  faults: z.array(z.object({ code: z.string(), active: z.boolean() })).optional(),
  firmware: z.string().nullable().optional(),
  deviceTime: z.string().nullable().optional().describe('the chair clock of the latest sample'),
}).meta({ id: 'ChairStateDetail' });
export type ChairStateDetail = z.infer<typeof ChairStateDetail>;

export const ServiceDue = z.object({
  lastServiceAt: z.string().nullable(),
  dueAt: z.string().describe('the date the service interval in months runs out'),
  kmSinceService: z.number().nullable(),
  kmInterval: z.number().nullable(),
  due: z.boolean().describe('months or distance reached'),
});

/**
 * Why an electric chair's telemetry is not kept: its user has no active telemetry consent (never
 * given, or withdrawn). The chair is still acknowledged; nothing it sends is stored under the person.
 */
export const TelemetryOff = z.enum(['no_consent', 'consent_withdrawn']);
export type TelemetryOff = z.infer<typeof TelemetryOff>;

export const DeviceSummary = z
  .object({
    id: Id,
    serial: z.string(),
    kind: DeviceKind,
    status: DeviceStatus,
    modelName: z.string(),
    centreId: Id,
    centreName: z.string(),
    state: ChairState.nullable().describe('null for manual chairs, chairs that never reported, and chairs whose telemetry is off'),
    telemetryOff: TelemetryOff.nullable().describe('null while telemetry is kept (or the chair has no user); otherwise why it is off'),
    serviceDueAt: z.string(),
    // staff
    beneficiary: z.object({ id: Id, name: z.string() }).nullable().optional(),
    openAlerts: z.number().int().optional(),
    openWorkOrders: z.number().int().optional(),
    risk: Risk.optional(),
    riskReasons: z.array(RiskReason).optional(),
    healthLimits: z
      .object({ wornPct: z.number(), wearingPct: z.number() })
      .optional()
      .describe('staff, electric chairs: the capacity limits the battery reasons stand for (the chair\'s effective thresholds: its model\'s own over the deployment\'s)'),
    batteryForecast: BatteryForecast.nullable().optional().describe('staff, electric chairs: the battery-wear forecast of the current battery'),
  })
  .meta({ id: 'DeviceSummary' });
export type DeviceSummary = z.infer<typeof DeviceSummary>;

export const DeviceSort = z.enum(['risk', 'battery', 'lastSeen', 'serial']);
export type DeviceSort = z.infer<typeof DeviceSort>;

export const DeviceListQuery = PageQuery.extend({
  q: text(100, { min: 0 })
    .transform((s) => s.replace(/[%_\\]/g, '').trim())
    .optional()
    .describe('serial, or (staff) the assigned beneficiary\'s name'),
  status: DeviceStatus.optional(),
  kind: DeviceKind.optional(),
  risk: Risk.optional(),
  centreId: Id.optional(),
  sort: DeviceSort.default('risk'),
  order: z.enum(['asc', 'desc']).optional().describe('default: risk high first, battery lowest first, longest silent first, serial A–Z'),
});
export type DeviceListQuery = z.infer<typeof DeviceListQuery>;

export const DeviceList = z.object({
  items: z.array(DeviceSummary),
  total: z.number().int(),
  /** staff: how many chairs of the filtered fleet (before the risk filter) are at each level. */
  riskCounts: z.record(Risk, z.number().int()).optional(),
});
export type DeviceList = z.infer<typeof DeviceList>;

export const DeviceDetail = DeviceSummary.extend({
  state: ChairStateDetail.nullable(),
  service: ServiceDue,
  // staff
  model: z
    .object({
      id: Id,
      name: z.string(),
      manufacturer: z.string(),
      batteryChemistry: BatteryChemistry.nullable(),
      ratedAh: z.number().nullable(),
      ratedCycles: z.number().int().nullable(),
      serviceIntervalKm: z.number().int().nullable(),
      serviceIntervalMonths: z.number().int(),
    })
    .optional(),
  counters: z
    .object({
      samples: z.number().int(),
      duplicates: z.number().int(),
      rejected: z.number().int(),
      withheld: z.number().int().describe('acknowledged but not stored: no telemetry consent from the user'),
    })
    .optional(),
  batteryInstalledAt: z.string().nullable().optional(),
  lastServiceOdometerM: z.number().int().nullable().optional(),
}).meta({ id: 'DeviceDetail' });
export type DeviceDetail = z.infer<typeof DeviceDetail>;

// ---- Telemetry series -------------------------------------------------------------------------

export const TelemetryResolution = z.enum(['raw', 'hour', 'day']);
export type TelemetryResolution = z.infer<typeof TelemetryResolution>;

export const TELEMETRY_LIMITS = {
  maxRangeDays: 31,
  rawMaxHours: 48,
  /** Raw series longer than this are thinned evenly (every k-th sample; `stride` says k). */
  maxPoints: 5000,
  /** Days raw samples are kept unless TELEMETRY_RAW_DAYS says otherwise; hourly rollups are kept for good. */
  rawDaysDefault: 90,
} as const;

export const TelemetryQuery = z.object({
  from: IsoDateTime.optional().describe('default: 24 h before `to`'),
  to: IsoDateTime.optional().describe('default: now'),
  resolution: TelemetryResolution.default('hour'),
});

export const RawPoint = z.object({
  t: z.number().describe('chair time, ms since epoch'),
  socPct: z.number(),
  voltageV: z.number(),
  currentA: z.number(),
  tempC: z.number(),
  charging: z.boolean(),
  odometerM: z.number().int(),
  motorSeconds: z.number().int(),
  cycleCount: z.number().int().nullable(),
  fullChargeAh: z.number().nullable(),
});
export type RawPoint = z.infer<typeof RawPoint>;

export const AggregatePoint = z.object({
  t: z.number().describe('start of the hour or UTC day, ms since epoch'),
  n: z.number().int(),
  socMin: z.number(),
  socMax: z.number(),
  socLast: z.number(),
  voltMin: z.number(),
  tempMax: z.number(),
  currentMin: z.number(),
  chargingPct: z.number().describe('share of samples taken while charging'),
  distanceM: z.number().int(),
  motorSeconds: z.number().int().describe('driving time in the bucket'),
  fullChargeAh: z.number().nullable(),
  cycleCount: z.number().int().nullable(),
});
export type AggregatePoint = z.infer<typeof AggregatePoint>;

export const telemetryUnits = {
  t: 'ms',
  socPct: '%',
  socMin: '%',
  socMax: '%',
  socLast: '%',
  chargingPct: '%',
  voltageV: 'V',
  voltMin: 'V',
  currentA: 'A',
  currentMin: 'A',
  tempC: '°C',
  tempMax: '°C',
  odometerM: 'm',
  distanceM: 'm',
  motorSeconds: 's',
  fullChargeAh: 'Ah',
} as const;

const seriesBase = {
  deviceId: Id,
  from: z.string(),
  to: z.string(),
  units: z.record(z.string(), z.string()),
  requested: TelemetryResolution.describe(
    'the resolution asked for; `resolution` is the one served: a raw read starting before `rawSince` is answered from hourly rollups',
  ),
  rawSince: z.string().describe('raw samples are kept from this instant on (TELEMETRY_RAW_DAYS); hourly rollups are kept for good'),
};

export const TelemetrySeries = z.discriminatedUnion('resolution', [
  z.object({ ...seriesBase, resolution: z.literal('raw'), stride: z.number().int().min(1), points: z.array(RawPoint) }),
  z.object({ ...seriesBase, resolution: z.enum(['hour', 'day']), points: z.array(AggregatePoint) }),
]).meta({ id: 'TelemetrySeries' });
export type TelemetrySeries = z.infer<typeof TelemetrySeries>;

// ---- Rejected messages ------------------------------------------------------------------------

export const RejectedMessage = z.object({
  id: z.number().int(),
  receivedAt: z.string(),
  reason: RejectReason,
  detail: z.string(),
  size: z.number().int(),
  topic: z.string(),
  count: z.number().int().describe('refusals this row stands for: refused connections are counted per key and window'),
});
export const RejectedMessageList = z
  .object({
    items: z.array(RejectedMessage).describe('newest first; receivedAt of a counted row is its latest refusal'),
    total: z.number().int(),
    byReason: z.array(z.object({ reason: RejectReason, count: z.number().int() })),
    refusedConnections: z
      .object({ count: z.number().int(), since: z.string().nullable() })
      .describe('connections refused for this chair\'s id (wrong or no secret, throttled), and since when they are kept'),
  })
  .meta({ id: 'RejectedMessageList' });
export type RejectedMessageList = z.infer<typeof RejectedMessageList>;
export const RejectedMessageQuery = PageQuery;
