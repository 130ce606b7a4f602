// The PostgreSQL fleet reads (asynchronous FleetReadModel): the same columns, in the same order,
// as the SQLite statement (sqlite-fleet-reads.ts), written in PostgreSQL SQL, so both share toRow.
import type { Pool } from 'pg';
import { activeStatuses } from '../../schemas/work-orders.ts';
import { activeConsentPgSql, consentSqlParams } from '../consent/consent-rule.ts';
import { CLINICAL_ALERT_KINDS, type DeviceLocation, type FleetChanges, type FleetFilter, type FleetRow, type FleetScope } from './fleet-read-model.ts';
import { type Column, COLUMNS, DETAIL_ONLY, toRow } from './sqlite-fleet-reads.ts';

const TRANSIT_TO = `(SELECT t."toCentreId" FROM "Transfer" t WHERE t."deviceId" = d.id AND t."receivedAt" IS NULL AND d.status = 'in_transit' ORDER BY t."sentAt" DESC LIMIT 1)`;
const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

const PG_COLUMNS: Record<Column, string> = {
  id: 'd.id', serial: 'd.serial', status: 'd.status', centreId: 'd."centreId"', createdAt: 'd."createdAt"', lastServiceAt: 'd."lastServiceAt"',
  lastServiceOdometerM: 'd."lastServiceOdometerM"', batteryInstalledAt: 'd."batteryInstalledAt"', centreName: 'c.name',
  beneficiaryId: 'b.id', beneficiaryName: 'b."fullName"', modelId: 'm.id', modelName: 'm.name', manufacturer: 'm.manufacturer',
  kind: 'm.kind', batteryChemistry: 'm."batteryChemistry"', ratedAh: 'm."ratedAh"', ratedCycles: 'm."ratedCycles"',
  serviceIntervalKm: 'm."serviceIntervalKm"', serviceIntervalMonths: 'm."serviceIntervalMonths"', modelThresholds: 'm.thresholds', chairKey: 's.key',
  online: 's.online', fw: 's.fw', lastTs: 's."lastTs"::float8', receivedAt: 's."receivedAt"::float8', socPct: 's."socPct"', voltageV: 's."voltageV"',
  currentA: 's."currentA"', tempC: 's."tempC"', charging: 's.charging', cycleCount: 's."cycleCount"', fullChargeAh: 's."fullChargeAh"',
  odometerM: 's."odometerM"', motorSeconds: 's."motorSeconds"', seatTiltDeg: 's."seatTiltDeg"', faults: 's.faults', samples: 's.samples::float8',
  duplicates: 's.duplicates::float8', rejected: 's.rejected::float8', withheld: 's.withheld::float8', transitToCentreId: TRANSIT_TO,
  telemetryOff: `CASE WHEN b.id IS NULL OR m.kind <> 'electric' OR ${activeConsentPgSql('b', '$1', '$2')} THEN NULL
      WHEN EXISTS (SELECT 1 FROM "Consent" w WHERE w."beneficiaryId" = b.id AND w.purpose = $1 AND w."withdrawnAt" IS NOT NULL)
      THEN 'consent_withdrawn' ELSE 'no_consent' END`,
  openAlerts: `(SELECT string_agg(a.severity, ',') FROM "Alert" a
      WHERE a."deviceId" = d.id AND a."clearedAt" IS NULL AND (NOT $3::bool OR a.kind NOT IN (${list(CLINICAL_ALERT_KINDS)})))`,
  clinicalAlerts: `(SELECT string_agg(a.severity, ',') FROM "Alert" a WHERE a."deviceId" = d.id AND a."clearedAt" IS NULL AND a.kind IN (${list(CLINICAL_ALERT_KINDS)}))`,
  wearForecast: `(SELECT (r.data::jsonb -> 'forecast')::text FROM "RuleState" r WHERE r."deviceId" = d.id AND r.rule = 'battery_wear')`,
  activeWorkOrders: `(SELECT count(*)::int FROM "WorkOrder" w WHERE w."deviceId" = d.id AND w.status IN (${list(activeStatuses)}))`,
};

const select = (detail: boolean) => `
  SELECT ${(Object.keys(COLUMNS) as Column[]).map((name) => `${!detail && DETAIL_ONLY.has(name) ? 'NULL' : PG_COLUMNS[name]} AS "${name}"`).join(', ')}
  FROM "Device" d
  JOIN "DeviceModel" m ON m.id = d."modelId"
  JOIN "Centre" c ON c.id = d."centreId"
  LEFT JOIN "Beneficiary" b ON b.id = d."beneficiaryId"
  LEFT JOIN chair_state s ON s."deviceId" = d.id AND m.kind = 'electric'`;

export interface PgFleetReads {
  fleetList(scope: FleetScope, filter: FleetFilter): Promise<FleetRow[]>;
  fleetRow(id: string, hideClinicalAlerts: boolean, now?: Date): Promise<FleetRow | undefined>;
  fleetVersion(): Promise<number>;
  fleetChangesSince(version: number): Promise<FleetChanges>;
  locateDevice(id: string): Promise<DeviceLocation | undefined>;
}

export function createPgFleetReads(pool: Pool): PgFleetReads {
  const run = async (where: string[], params: unknown[], detail = false) =>
    (await pool.query<unknown[]>({ text: `${select(detail)} WHERE ${where.length ? where.join(' AND ') : 'true'}`, values: params, rowMode: 'array' })).rows.map(toRow);
  // $1 consent purpose, $2 adult-born-by date, $3 hide clinical alerts; filters follow from $4.
  const base = (hideClinical: boolean, now: Date): unknown[] => {
    const p = consentSqlParams('telemetry', now);
    return [p.consentPurpose, p.adultBornBy, hideClinical];
  };

  return {
    async fleetList(scope, f) {
      const where: string[] = [];
      const params = base(f.hideClinicalAlerts, f.now ?? new Date());
      const bind = (v: unknown) => `$${params.push(v)}`;
      if (scope.centreId !== null) {
        const c = bind(scope.centreId);
        where.push(`(d."centreId" = ${c} OR ${TRANSIT_TO} = ${c})`);
      }
      if (scope.beneficiaryIds) where.push(`d."beneficiaryId" = ANY(${bind([...scope.beneficiaryIds])}::text[])`);
      if (scope.deviceIds) where.push(`d.id = ANY(${bind([...scope.deviceIds])}::text[])`);
      if (f.status) where.push(`d.status = ${bind(f.status)}`);
      if (f.kind) where.push(`m.kind = ${bind(f.kind)}`);
      if (f.q) {
        // ILIKE: case-insensitive like SQLite's LIKE; the schema strips % and _ from q.
        const q = bind(`%${f.q}%`);
        where.push(f.searchNames ? `(d.serial ILIKE ${q} OR b."fullName" ILIKE ${q})` : `d.serial ILIKE ${q}`);
      }
      return run(where, params);
    },

    async fleetRow(id, hideClinicalAlerts, now = new Date()) {
      const params = base(hideClinicalAlerts, now);
      params.push(id);
      return (await run(['d.id = $4'], params, true))[0];
    },

    // fleet_change is stamped by triggers (migration 20261203214000_fleet_change_triggers) with
    // versions from fleet_clock, whose row lock makes them commit in order.
    async fleetVersion() {
      const { rows } = await pool.query<{ version: string }>('SELECT version FROM fleet_clock');
      return Number(rows[0]?.version ?? 0);
    },

    async fleetChangesSince(since) {
      const { rows } = await pool.query<{ id: string; version: string }>('SELECT "deviceId" AS id, version FROM fleet_change WHERE version > $1', [since]);
      let version = since;
      for (const r of rows) version = Math.max(version, Number(r.version));
      return { version, deviceIds: rows.map((r) => r.id) };
    },

    async locateDevice(id) {
      const { rows } = await pool.query<DeviceLocation>(
        `SELECT d.id, d."centreId", d."beneficiaryId", ${TRANSIT_TO} AS "transitToCentreId", s.key AS "chairKey"
         FROM "Device" d LEFT JOIN chair_state s ON s."deviceId" = d.id WHERE d.id = $1`,
        [id],
      );
      return rows[0];
    },
  };
}
