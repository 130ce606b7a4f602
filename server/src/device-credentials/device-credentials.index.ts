// Issues or rotates an electric chair's MQTT secret for the workshop of the chair's centre: the
// hash replaces the old one in the registry (which the embedded broker reads at every sign-in), the
// step is recorded in the chair's history and the audit log, and the secret is shown once.
import { generateDeviceSecret, hashDeviceSecret } from '../../../core/devices/credentials.ts';
import { createRouter } from '../http/router.ts';
import { auditedChange } from '../http/audit.ts';
import { actorOf } from '../http/access.ts';
import { deviceScope } from '../access/scopes.ts';
import { conflict, notFound } from '../lib/errors.ts';
import * as routes from './device-credentials.routes.ts';

export function deviceCredentialRoutes() {
  const app = createRouter();

  app.openapi(routes.issue, async (c) => {
    const { id } = c.req.valid('param');
    const { reason, note } = c.req.valid('json');
    const { db, clock, onCredentialsIssued } = c.get('deps');
    const actor = actorOf(c);
    const device = await db.device.findFirst({ where: { AND: [{ id }, deviceScope(actor)] }, select: { id: true, status: true, model: { select: { kind: true } } } });
    if (!device) throw notFound('device');
    if (device.model.kind !== 'electric') throw conflict('a manual chair has no MQTT credentials');
    if (device.status === 'retired') throw conflict('a retired chair gets no new credentials');
    // Hashed before the transaction, so the write lock is held only for the writes.
    const secret = generateDeviceSecret();
    const mqttSecretHash = hashDeviceSecret(secret);
    const now = clock.now();
    const result = await auditedChange(
      c,
      async (tx) => {
        const before = await tx.device.findUniqueOrThrow({ where: { id }, select: { mqttSecretHash: true } });
        const d = await tx.device.update({ where: { id }, data: { mqttSecretHash }, select: { id: true, centreId: true, beneficiaryId: true } });
        const rotated = before.mqttSecretHash !== null;
        await tx.deviceEvent.create({
          data: {
            deviceId: id, kind: 'credentials_issued', at: now, actorId: actor.id, beneficiaryId: d.beneficiaryId, centreId: d.centreId,
            reason, details: JSON.stringify({ rotated, ...(note ? { note } : {}) }),
          },
        });
        return { ...d, rotated };
      },
      (r) => ({ action: 'device.credentials', entityType: 'Device', entityId: id, centreId: r.centreId, details: { reason, rotated: r.rotated } }),
    );
    // A chair (or whoever holds the old secret) connected now is cut off; it must sign in again.
    onCredentialsIssued?.(id);
    return c.json({ deviceId: id, username: id, clientId: id, secret, rotated: result.rotated, issuedAt: now.toISOString() }, 201);
  });

  return app;
}
