// Loads what the rules read about chairs: registry data through Prisma, telemetry through the
// telemetry store (latest state, hourly rollups, consent).
import type { PrismaClient } from '@prisma/client';
import type { RulesTelemetryReader } from '../../../core/telemetry/rules-reads.ts';
import { chairThresholds } from '../../../core/maintenance/model-thresholds.ts';
import type { ChairSnapshot, Thresholds } from './rules.ts';

const DAY = 86_400_000;

export interface ChairRegistryInfo {
  snapshot: ChairSnapshot;
  centreId: string;
  beneficiaryId: string | null;
  /** The chair's key in the telemetry tables; null if it never reported. */
  deviceKey: number | null;
  /** The thresholds for this chair: its model's own over the engine's (docs/maintenance-rules.md). */
  t: Thresholds;
}

export function createSnapshotLoader(prisma: PrismaClient, telemetry: RulesTelemetryReader) {
  return async function load(deviceIds: string[], now: number, base: Thresholds): Promise<ChairRegistryInfo[]> {
    const devices = await prisma.device.findMany({
      where: { id: { in: deviceIds }, mqttSecretHash: { not: null } },
      include: { model: true, requests: { where: { deliveredAt: { not: null } }, orderBy: { deliveredAt: 'desc' }, take: 1 } },
    });
    // One chair after another: a PostgreSQL store's pool is not flooded by a sweep of every chair.
    const out: ChairRegistryInfo[] = [];
    for (const d of devices) {
      // The model row comes with the chair anyway: its thresholds cost no query (parsed once per model).
      const t = chairThresholds(d.model.thresholds, base);
      const deliveredAt = d.requests[0]?.deliveredAt?.getTime() ?? (d.status === 'in_use' ? d.createdAt.getTime() : null);
      const serviceSince = d.lastServiceAt?.getTime() ?? deliveredAt;
      const fromDay = Math.floor((now - t.lowUseDays * DAY) / DAY);
      const { telemetryOff, chair } = await telemetry.rulesTelemetry(d.id, {
        now,
        fromDay,
        // Battery life is per battery: the points of a replaced battery say nothing about this one.
        capacityFrom: d.model.ratedAh ? Math.max(now - 180 * DAY, d.batteryInstalledAt?.getTime() ?? 0) : null,
        odometerFrom: d.lastServiceOdometerM === null ? serviceSince : null,
      });
      const dailyMotorSeconds: number[] = [];
      let capacityPoints: { t: number; capacityPct: number }[] = [];
      let serviceOdometerM = d.lastServiceOdometerM;
      if (chair) {
        const firstDay = Math.max(fromDay, deliveredAt ? Math.floor(deliveredAt / DAY) : fromDay);
        // Days without samples count as days without driving: a chair in a corner sends nothing.
        for (let day = firstDay; day < Math.floor(now / DAY); day++) dailyMotorSeconds.push(chair.motorSecondsByDay.get(day) ?? 0);
        capacityPoints = chair.capacity.map((p) => ({ t: p.t, capacityPct: (p.ah / d.model.ratedAh!) * 100 }));
        if (serviceOdometerM === null && serviceSince !== null) serviceOdometerM = chair.odometerFrom;
      }
      const snapshot: ChairSnapshot = {
        deviceId: d.id,
        status: d.status,
        telemetryOff,
        model: { ratedAh: d.model.ratedAh, ratedCycles: d.model.ratedCycles, serviceIntervalKm: d.model.serviceIntervalKm, serviceIntervalMonths: d.model.serviceIntervalMonths },
        state: chair?.state ?? null,
        deliveredAt,
        batteryInstalledAt: d.batteryInstalledAt?.getTime() ?? null,
        serviceSince,
        serviceOdometerM,
        dailyMotorSeconds,
        capacityPoints,
      };
      out.push({ snapshot, centreId: d.centreId, beneficiaryId: d.beneficiaryId, deviceKey: chair?.key ?? null, t });
    }
    return out;
  };
}
