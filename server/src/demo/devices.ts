// Demo devices: creates a chair row and, for an electric chair, its MQTT secret in the credentials file.
import type { Db } from '../../../core/db/client.ts';
import { generateDeviceSecret, hashDeviceSecret } from '../../../core/devices/credentials.ts';
import { serialKey } from '../../../schemas/devices.ts';

/** What a demo install writes to data/demo-credentials.json: every account's password and every chair's secret. */
export interface DemoCredentials {
  users: { role: string; email: string; password: string; centre: string | null; name: string }[];
  chairs: { deviceId: string; secret: string; serial: string }[];
}

/** One day in milliseconds, for the demo's back-dated timeline. */
export const DAY = 86_400_000;

export async function createDevice(
  db: Db,
  o: { modelId: string; kind: string; centreId: string; beneficiaryId: string | null; status: string; size: { seatWidthMm: number; seatDepthMm: number }; serial: number; creds: DemoCredentials; installedAt: Date },
) {
  const secret = o.kind === 'electric' ? generateDeviceSecret() : null;
  const serial = `ATM-${o.kind === 'electric' ? 'E' : 'M'}-${String(o.serial).padStart(5, '0')}`;
  const device = await db.device.create({
    data: {
      serial,
      serialKey: serialKey(serial),
      modelId: o.modelId,
      centreId: o.centreId,
      beneficiaryId: o.beneficiaryId,
      status: o.status,
      seatWidthMm: o.size.seatWidthMm,
      seatDepthMm: o.size.seatDepthMm,
      batteryInstalledAt: o.kind === 'electric' ? o.installedAt : null,
      mqttSecretHash: secret ? hashDeviceSecret(secret) : null,
    },
  });
  if (secret) o.creds.chairs.push({ deviceId: device.id, secret, serial });
  return device;
}
