// In demo mode `npm start` runs a few simulated chairs (with accelerated battery physics) so that
// fleet dashboards are alive from the first minute.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { TelemetryConfig as Config } from '../../core/config/env.ts';
import type { Logger } from '../../core/log/logger.ts';
import type { Chemistry } from './simulator/battery.ts';
import { type Fleet, startFleet } from './simulator/fleet.ts';

const Credentials = z.object({ chairs: z.array(z.object({ deviceId: z.string(), secret: z.string() })) });

export async function startDemoFleet(o: { config: Config; raw: Database.Database; url: string; log: Logger }): Promise<Fleet | null> {
  const file = path.join(o.config.dataDir, 'demo-credentials.json');
  if (o.config.demoChairs === 0 || !fs.existsSync(file)) return null;
  const parsed = Credentials.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    o.log.warn('demo_fleet_skipped', { reason: 'unreadable demo-credentials.json' });
    return null;
  }
  const model = o.raw.prepare(
    `SELECT m.batteryChemistry AS chemistry, m.ratedAh AS ratedAh FROM "Device" d JOIN "DeviceModel" m ON m.id = d.modelId
     WHERE d.id = ? AND d.status = 'in_use'`,
  );
  const chairs = parsed.data.chairs
    .map((c) => ({ ...c, model: model.get(c.deviceId) as { chemistry: Chemistry | null; ratedAh: number | null } | undefined }))
    .filter((c) => c.model)
    .slice(0, o.config.demoChairs)
    .map((c) => ({ deviceId: c.deviceId, secret: c.secret, chemistry: c.model!.chemistry ?? 'lifepo4', ratedAh: c.model!.ratedAh ?? 20 }));
  if (!chairs.length) return null;
  return startFleet({ url: o.url, prefix: o.config.mqtt.prefix, chairs, intervalS: o.config.demoChairIntervalS, physicsSpeed: 120 });
}
