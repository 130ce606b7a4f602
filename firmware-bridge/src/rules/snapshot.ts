// Loads what the rules read about chairs: registry data through Prisma, telemetry through the raw
// connection (latest state and hourly rollups).
import type { PrismaClient } from '@prisma/client';
import type Database from 'better-sqlite3';
import { activeConsentSql, consentSqlParams } from '../../../core/consent/consent-rule.ts';
import type { ChairSnapshot } from './rules.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface ChairRegistryInfo {
  snapshot: ChairSnapshot;
  centreId: string;
  beneficiaryId: string | null;
  /** The chair's key in the telemetry tables; null if it never reported. */
  deviceKey: number | null;
}

export function createSnapshotLoader(prisma: PrismaClient, raw: Database.Database) {
  const stateOf = raw.prepare(
    'SELECT key, socPct, charging, tempC, cycleCount, fullChargeAh, odometerM, faults, receivedAt, lastTs, lastRawId FROM chair_state WHERE deviceId = ?',
  );
  const days = raw.prepare(
    `SELECT hour / 24 AS day, max(motor_last) - min(motor_first) AS seconds FROM telemetry_hourly
     WHERE device_key = ? AND hour >= ? GROUP BY hour / 24 ORDER BY day`,
  );
  const capacity = raw.prepare('SELECT ts_last AS t, ah_last AS ah FROM telemetry_hourly WHERE device_key = ? AND hour >= ? AND ah_last IS NOT NULL ORDER BY hour');
  const telemetryOn = raw.prepare(
    `SELECT b.id IS NULL OR ${activeConsentSql('b')} AS ok FROM "Device" d LEFT JOIN "Beneficiary" b ON b.id = d.beneficiaryId WHERE d.id = @deviceId`,
  );
  const odometerSince = raw.prepare('SELECT odo_first AS odo FROM telemetry_hourly WHERE device_key = ? AND hour >= ? ORDER BY hour LIMIT 1');

  return async function load(deviceIds: string[], now: number, lowUseDays: number): Promise<ChairRegistryInfo[]> {
    const devices = await prisma.device.findMany({
      where: { id: { in: deviceIds }, mqttSecretHash: { not: null } },
      include: { model: true, requests: { where: { deliveredAt: { not: null } }, orderBy: { deliveredAt: 'desc' }, take: 1 } },
    });
    return devices.map((d) => {
      const row = stateOf.get(d.id) as
        | { key: number; socPct: number | null; charging: number | null; tempC: number | null; cycleCount: number | null; fullChargeAh: number | null; odometerM: number | null; faults: string | null; receivedAt: number | null; lastTs: number | null; lastRawId: number | null }
        | undefined;
      const deliveredAt = d.requests[0]?.deliveredAt?.getTime() ?? (d.status === 'in_use' ? d.createdAt.getTime() : null);
      const serviceSince = d.lastServiceAt?.getTime() ?? deliveredAt;
      let dailyMotorSeconds: number[] = [];
      let capacityPoints: { t: number; capacityPct: number }[] = [];
      let serviceOdometerM = d.lastServiceOdometerM;
      if (row) {
        const fromDay = Math.floor((now - lowUseDays * DAY) / DAY);
        const byDay = new Map((days.all(row.key, fromDay * 24) as { day: number; seconds: number }[]).map((r) => [r.day, r.seconds]));
        const firstDay = Math.max(fromDay, deliveredAt ? Math.floor(deliveredAt / DAY) : fromDay);
        // Days without samples count as days without driving: a chair in a corner sends nothing.
        for (let day = firstDay; day < Math.floor(now / DAY); day++) dailyMotorSeconds.push(byDay.get(day) ?? 0);
        if (d.model.ratedAh) {
          // Battery life is per battery: the points of a replaced battery say nothing about this one.
          const from = Math.max(now - 180 * DAY, d.batteryInstalledAt?.getTime() ?? 0);
          capacityPoints = (capacity.all(row.key, Math.floor(from / HOUR)) as { t: number; ah: number }[]).filter((p) => p.t >= from).map((p) => ({
            t: p.t,
            capacityPct: (p.ah / d.model.ratedAh!) * 100,
          }));
        }
        if (serviceOdometerM === null && serviceSince !== null) {
          serviceOdometerM = (odometerSince.get(row.key, Math.floor(serviceSince / HOUR)) as { odo: number } | undefined)?.odo ?? null;
        }
      }
      const snapshot: ChairSnapshot = {
        deviceId: d.id,
        status: d.status,
        telemetryOff: (telemetryOn.get({ deviceId: d.id, ...consentSqlParams('telemetry', new Date(now)) }) as { ok: number }).ok !== 1,
        model: { ratedAh: d.model.ratedAh, ratedCycles: d.model.ratedCycles, serviceIntervalKm: d.model.serviceIntervalKm, serviceIntervalMonths: d.model.serviceIntervalMonths },
        state: row
          ? {
              socPct: row.socPct,
              charging: row.charging === null ? null : row.charging === 1,
              tempC: row.tempC,
              cycleCount: row.cycleCount,
              fullChargeAh: row.fullChargeAh,
              odometerM: row.odometerM,
              faults: row.faults ? (JSON.parse(row.faults) as { code: string; active: boolean }[]) : [],
              receivedAt: row.receivedAt,
              ts: row.lastTs,
              rawId: row.lastRawId,
            }
          : null,
        deliveredAt,
        batteryInstalledAt: d.batteryInstalledAt?.getTime() ?? null,
        serviceSince,
        serviceOdometerM,
        dailyMotorSeconds,
        capacityPoints,
      };
      return { snapshot, centreId: d.centreId, beneficiaryId: d.beneficiaryId, deviceKey: row?.key ?? null };
    });
  };
}
