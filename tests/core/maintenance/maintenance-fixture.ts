// Shared set-up for the maintenance-service suites: chairs the rules judge, a system audit writer,
// a transaction to run the service in, and a chair whose silence rule is active and about to clear.
import { createAuditService } from '../../../core/audit/audit.service.ts';
import { systemClock } from '../../../core/clock.ts';
import { createLogger } from '../../../core/log/logger.ts';
import type { AuditWriter, Lifecycle } from '../../../core/maintenance/maintenance.service.ts';
import { SqliteTelemetryStore } from '../../../core/telemetry/sqlite-telemetry-store.ts';
import { telemetrySample } from '../../helpers/fleet-fixture.ts';
import type { Harness } from '../../helpers/harness.ts';
import { activeStatuses } from '../../../schemas/work-orders.ts';

/** The audit writer the rules engine uses: rows recorded as the system. */
export function systemAudit(h: Harness): AuditWriter {
  const audit = createAuditService(h.db.prisma, systemClock, createLogger('silent'));
  return { record: (entry, tx) => audit.record({ ...entry, actorRole: 'system' }, tx) };
}

/** Runs `fn` in one transaction of the service, as its callers do. */
export function inTx<T>(h: Harness, fn: (l: Lifecycle) => Promise<T>): Promise<T> {
  return h.db.prisma.$transaction((tx) => fn({ tx, audit: systemAudit(h), now: new Date() }));
}

/** Chairs in use of one centre that the rules judge (they hold an MQTT secret). */
export async function judgedChairs(h: Harness, centreId: string) {
  return h.db.prisma.device.findMany({ where: { centreId, status: 'in_use', mqttSecretHash: { not: null } }, orderBy: { serial: 'asc' } });
}

/**
 * A chair the silence rule has flagged (state active, its check-in work order in `status`) that
 * has just reported again, so the next evaluation clears the rule.
 */
export async function silentChairBack(h: Harness, chair: { id: string; centreId: string }, status: string, bootId: string) {
  await h.db.prisma.ruleState.upsert({
    where: { deviceId_rule: { deviceId: chair.id, rule: 'silent_chair' } },
    create: { deviceId: chair.id, rule: 'silent_chair', active: true, since: new Date(Date.now() - 9 * 86_400_000), data: '{}' },
    update: { active: true },
  });
  // The rule's one open work order: the one the rules made already, if they did.
  const made = await h.db.prisma.workOrder.findFirst({ where: { deviceId: chair.id, rule: 'silent_chair', status: { in: [...activeStatuses] } } });
  const w = made
    ? await h.db.prisma.workOrder.update({ where: { id: made.id }, data: { status } })
    : await h.db.prisma.workOrder.create({ data: { centreId: chair.centreId, deviceId: chair.id, rule: 'silent_chair', kind: 'check_in', priority: 'normal', status } });
  const alert = await h.db.prisma.alert.create({ data: { centreId: chair.centreId, deviceId: chair.id, workOrderId: w.id, kind: 'silent_chair', severity: 'info' } });
  const now = Date.now();
  new SqliteTelemetryStore(h.db.raw, { now: () => now }).commit({
    samples: [{ deviceId: chair.id, sample: telemetrySample(bootId, 1, now - 1000), receivedAt: now }], rejections: [], statuses: [],
  });
  return { workOrderId: w.id, alertId: alert.id };
}
