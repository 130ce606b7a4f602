// The SQLite fleet reads (FleetReadModel): devices joined with their model, centre, beneficiary,
// latest chair state and open alert / active work-order counts, in one prepared statement on the
// raw connection. The dashboard must answer at p99 ≤ 50 ms with 32 connections (docs/benchmarks.md),
// and each Prisma query costs about a millisecond here.
import type Database from 'better-sqlite3';
import { activeStatuses, type AlertSeverity } from '../../schemas/work-orders.ts';
import { activeConsentSql, consentSqlParams } from '../consent/consent-rule.ts';
import { CLINICAL_ALERT_KINDS, type DeviceLocation, type FleetReadModel, type FleetRow } from './fleet-read-model.ts';
import type { Synchronous } from './synchronous.ts';

/** Prisma's SQLite adapter writes DateTime as ISO 8601 text; SQLite's own defaults use "YYYY-MM-DD HH:MM:SS" (UTC). */
export function sqliteDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === 'number') return new Date(v);
  const s = String(v);
  return new Date(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(s) ? `${s.replace(' ', 'T')}Z` : s);
}

/** The centre a chair in transit is on its way to (it sees the chair too until it receives it). */
const TRANSIT_TO = `(SELECT t.toCentreId FROM "Transfer" t WHERE t.deviceId = d.id AND t.receivedAt IS NULL AND d.status = 'in_transit' ORDER BY t.sentAt DESC LIMIT 1)`;

// Column order of the statement; rows are read as arrays (.raw()), which costs half as much as
// letting the driver build an object per row.
export const COLUMNS = {
  id: 'd.id', serial: 'd.serial', status: 'd.status', centreId: 'd.centreId', createdAt: 'd.createdAt', lastServiceAt: 'd.lastServiceAt',
  lastServiceOdometerM: 'd.lastServiceOdometerM', batteryInstalledAt: 'd.batteryInstalledAt', centreName: 'c.name',
  beneficiaryId: 'b.id', beneficiaryName: 'b.fullName', modelId: 'm.id', modelName: 'm.name', manufacturer: 'm.manufacturer',
  kind: 'm.kind', batteryChemistry: 'm.batteryChemistry', ratedAh: 'm.ratedAh', ratedCycles: 'm.ratedCycles',
  serviceIntervalKm: 'm.serviceIntervalKm', serviceIntervalMonths: 'm.serviceIntervalMonths', modelThresholds: 'm.thresholds', chairKey: 's.key', online: 's.online',
  fw: 's.fw', lastTs: 's.lastTs', receivedAt: 's.receivedAt', socPct: 's.socPct', voltageV: 's.voltageV', currentA: 's.currentA',
  tempC: 's.tempC', charging: 's.charging', cycleCount: 's.cycleCount', fullChargeAh: 's.fullChargeAh', odometerM: 's.odometerM',
  motorSeconds: 's.motorSeconds', seatTiltDeg: 's.seatTiltDeg', faults: 's.faults', samples: 's.samples', duplicates: 's.duplicates',
  rejected: 's.rejected', withheld: 's.withheld', transitToCentreId: TRANSIT_TO,
  telemetryOff: `CASE WHEN b.id IS NULL OR m.kind <> 'electric' OR ${activeConsentSql('b')} THEN NULL
      WHEN EXISTS (SELECT 1 FROM "Consent" w WHERE w.beneficiaryId = b.id AND w.purpose = @consentPurpose AND w.withdrawnAt IS NOT NULL)
      THEN 'consent_withdrawn' ELSE 'no_consent' END`,
  openAlerts: `(SELECT group_concat(a.severity) FROM "Alert" a
      WHERE a.deviceId = d.id AND a.clearedAt IS NULL AND (@hideClinical = 0 OR a.kind NOT IN (${clinicalKinds()})))`,
  clinicalAlerts: `(SELECT group_concat(a.severity) FROM "Alert" a WHERE a.deviceId = d.id AND a.clearedAt IS NULL AND a.kind IN (${clinicalKinds()}))`,
  wearForecast: `(SELECT json_extract(r.data, '$.forecast') FROM "RuleState" r WHERE r.deviceId = d.id AND r.rule = 'battery_wear')`,
  activeWorkOrders: `(SELECT count(*) FROM "WorkOrder" w WHERE w.deviceId = d.id AND w.status IN (${activeStatuses.map((x) => `'${x}'`).join(', ')}))`,
} as const;
export type Column = keyof typeof COLUMNS;
const at = Object.fromEntries(Object.keys(COLUMNS).map((k, i) => [k, i])) as Record<Column, number>;

function clinicalKinds() {
  return CLINICAL_ALERT_KINDS.map((k) => `'${k}'`).join(', ');
}

/** Columns only one chair's page shows: the list reads NULL in their place (same positions, less work). */
export const DETAIL_ONLY = new Set<Column>([
  'batteryInstalledAt', 'manufacturer', 'batteryChemistry', 'ratedCycles', 'fw', 'lastTs', 'cycleCount', 'motorSeconds',
  'seatTiltDeg', 'faults', 'samples', 'duplicates', 'rejected', 'withheld',
]);

const select = (detail: boolean) => `
  SELECT ${Object.entries(COLUMNS).map(([name, expr]) => `${!detail && DETAIL_ONLY.has(name as Column) ? 'NULL' : expr} AS ${name}`).join(', ')}
  FROM "Device" d
  JOIN "DeviceModel" m ON m.id = d.modelId
  JOIN "Centre" c ON c.id = d.centreId
  LEFT JOIN "Beneficiary" b ON b.id = d.beneficiaryId
  LEFT JOIN chair_state s ON s.deviceId = d.id AND m.kind = 'electric'`;

/** Severities as group_concat lists them, counted. */
function bySeverity(list: string | null): Partial<Record<AlertSeverity, number>> {
  const out: Partial<Record<AlertSeverity, number>> = {};
  if (list) for (const s of list.split(',') as AlertSeverity[]) out[s] = (out[s] ?? 0) + 1;
  return out;
}

/** A statement's row (columns in COLUMNS order) as a FleetRow; booleans may be SQLite's 0/1 or PostgreSQL's. */
export function toRow(r: unknown[]): FleetRow {
  const v = <T>(c: Column) => r[at[c]] as T;
  const chairKey = v<number | null>('chairKey');
  const id = v<string>('id');
  const beneficiaryId = v<string | null>('beneficiaryId');
  return {
    id,
    serial: v('serial'),
    status: v('status'),
    centreId: v('centreId'),
    centreName: v('centreName'),
    createdAt: sqliteDate(v('createdAt'))!,
    lastServiceAt: sqliteDate(v('lastServiceAt')),
    lastServiceOdometerM: v('lastServiceOdometerM'),
    batteryInstalledAt: sqliteDate(v('batteryInstalledAt')),
    beneficiary: beneficiaryId ? { id: beneficiaryId, name: v('beneficiaryName') } : null,
    model: {
      id: v('modelId'),
      name: v('modelName'),
      manufacturer: v('manufacturer'),
      kind: v('kind'),
      batteryChemistry: v('batteryChemistry'),
      ratedAh: v('ratedAh'),
      ratedCycles: v('ratedCycles'),
      serviceIntervalKm: v('serviceIntervalKm'),
      serviceIntervalMonths: v('serviceIntervalMonths'),
      thresholds: v('modelThresholds'),
    },
    alerts: bySeverity(v('openAlerts')),
    clinicalAlerts: bySeverity(v('clinicalAlerts')),
    activeWorkOrders: v('activeWorkOrders'),
    telemetryOff: v('telemetryOff'),
    withheld: Number(v<number | null>('withheld') ?? 0),
    transitToCentreId: v('transitToCentreId'),
    wearForecast: v('wearForecast'),
    state:
      chairKey === null
        ? undefined
        : {
            key: chairKey,
            deviceId: id,
            online: v('online') === 1 || v('online') === true,
            fw: v('fw'),
            lastTs: v('lastTs'),
            receivedAt: v('receivedAt'),
            socPct: v('socPct'),
            voltageV: v('voltageV'),
            currentA: v('currentA'),
            tempC: v('tempC'),
            charging: v('charging') === null ? null : v('charging') === 1 || v('charging') === true,
            cycleCount: v('cycleCount'),
            fullChargeAh: v('fullChargeAh'),
            odometerM: v('odometerM'),
            motorSeconds: v('motorSeconds'),
            seatTiltDeg: v('seatTiltDeg'),
            faults: v('faults'),
            samples: v('samples'),
            duplicates: v('duplicates'),
            rejected: v('rejected'),
          },
  };
}

export function createSqliteFleetReads(db: Database.Database): Synchronous<FleetReadModel> {
  // Statements by WHERE clause: a handful of shapes (scope × filters), each prepared once.
  const cache = new Map<string, Database.Statement>();
  const statement = (where: string[], detail = false) => {
    const sql = `${select(detail)} WHERE ${where.length ? where.join(' AND ') : '1'}`;
    let st = cache.get(sql);
    if (!st) cache.set(sql, (st = db.prepare(sql).raw()));
    return st;
  };
  const version = db.prepare('SELECT coalesce(max(version), 0) FROM fleet_change').pluck();
  const changes = db.prepare('SELECT deviceId, version FROM fleet_change WHERE version > ?').raw();
  const locate = db.prepare(
    `SELECT d.id, d.centreId, d.beneficiaryId, ${TRANSIT_TO} AS transitToCentreId, s.key AS chairKey FROM "Device" d LEFT JOIN chair_state s ON s.deviceId = d.id WHERE d.id = ?`,
  );

  return {
    fleetList(scope, f) {
      const where: string[] = [];
      const params: Record<string, unknown> = { hideClinical: f.hideClinicalAlerts ? 1 : 0, ...consentSqlParams('telemetry', f.now ?? new Date()) };
      if (scope.centreId !== null) {
        where.push(`(d.centreId = @centreId OR ${TRANSIT_TO} = @centreId)`);
        params.centreId = scope.centreId;
      }
      if (scope.beneficiaryIds) {
        where.push('d.beneficiaryId IN (SELECT value FROM json_each(@beneficiaryIds))');
        params.beneficiaryIds = JSON.stringify(scope.beneficiaryIds);
      }
      if (scope.deviceIds) {
        where.push('d.id IN (SELECT value FROM json_each(@deviceIds))');
        params.deviceIds = JSON.stringify(scope.deviceIds);
      }
      if (f.status) {
        where.push('d.status = @status');
        params.status = f.status;
      }
      if (f.kind) {
        where.push('m.kind = @kind');
        params.kind = f.kind;
      }
      if (f.q) {
        // LIKE is case-insensitive for ASCII in SQLite; the schema strips % and _ from q.
        where.push(f.searchNames ? '(d.serial LIKE @q OR b.fullName LIKE @q)' : 'd.serial LIKE @q');
        params.q = `%${f.q}%`;
      }
      return (statement(where).all(params) as unknown[][]).map(toRow);
    },

    fleetRow(id, hideClinicalAlerts, now = new Date()) {
      const r = statement(['d.id = @id'], true).get({ id, hideClinical: hideClinicalAlerts ? 1 : 0, ...consentSqlParams('telemetry', now) }) as unknown[] | undefined;
      return r ? toRow(r) : undefined;
    },

    fleetVersion() {
      return Number(version.get());
    },

    fleetChangesSince(since) {
      let newest = since;
      const deviceIds: string[] = [];
      for (const [id, v] of changes.all(since) as [string, number | bigint][]) {
        deviceIds.push(id);
        if (Number(v) > newest) newest = Number(v);
      }
      return { version: newest, deviceIds };
    },

    locateDevice(id) {
      return locate.get(id) as DeviceLocation | undefined;
    },
  };
}
