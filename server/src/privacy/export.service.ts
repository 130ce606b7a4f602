// Everything held about one beneficiary, gathered for a data-subject access request (UU PDP 27/2022
// art. 7 and 13): their record, pathway, chairs (telemetry summarised), reports, notifications and
// the audit trail about them. Credentials and other people's private fields are never included.
import { EXPORT_SCHEMA_VERSION } from '../../../schemas/privacy.ts';
import type { Db } from '../../../core/db/client.ts';
import type { TelemetryReader } from '../../../core/telemetry/telemetry-reader.ts';
import type { Actor } from '../access/actor.ts';
import { healthDataView } from '../access/health-data.ts';
import { withholdHealthData } from './export-withhold.ts';
import { plain } from './plain.ts';
import { relatedIds } from './related.ts';

/** Hourly rollups are exported for the most recent 31 days; daily ones for the whole period. */
export const HOURLY_EXPORT_DAYS = 31;
const DAY_MS = 86_400_000;

export type BeneficiaryExport = Record<string, unknown> & {
  exportedAt: string;
  schemaVersion: number;
  beneficiary: Record<string, unknown> & { id: string; fullName: string };
};

export async function collectExport(db: Db, reader: TelemetryReader, actor: Actor, id: string, now: Date): Promise<BeneficiaryExport> {
  const b = await db.beneficiary.findUniqueOrThrow({
    where: { id },
    include: {
      centre: { select: { id: true, code: true, name: true, city: true, province: true } },
      cpProfile: true,
      hydroProfile: { include: { headCircumferences: { orderBy: { measuredAt: 'asc' } } } },
      consents: { orderBy: { givenAt: 'asc' } },
      familyLinks: { orderBy: { createdAt: 'asc' }, include: { user: { select: { id: true, name: true, email: true, phone: true, role: true } } } },
      referrals: { orderBy: { createdAt: 'asc' } },
      assessments: { orderBy: { assessedAt: 'asc' } },
      followUps: { orderBy: { dueAt: 'asc' } },
    },
  });
  const ids = await relatedIds(db, id);

  const [requests, reports, alerts, workOrders, notifications, audit, devices] = await Promise.all([
    db.deviceRequest.findMany({
      where: { beneficiaryId: id },
      orderBy: { createdAt: 'asc' },
      include: {
        transitions: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
        prescription: { include: { model: { select: { id: true, name: true, manufacturer: true, kind: true } } } },
        funding: { orderBy: { decidedAt: 'asc' } },
        fittings: { orderBy: { fittedAt: 'asc' } },
        trainings: { orderBy: { trainedAt: 'asc' } },
      },
    }),
    db.issueReport.findMany({
      where: { beneficiaryId: id },
      orderBy: { createdAt: 'asc' },
      include: {
        events: { orderBy: { at: 'asc' } },
        comments: { orderBy: { createdAt: 'asc' } },
        photos: { orderBy: { createdAt: 'asc' }, select: { id: true, uploadedById: true, sha256: true, width: true, height: true, bytes: true, createdAt: true } },
      },
    }),
    db.alert.findMany({ where: { id: { in: ids.alertIds } }, orderBy: { createdAt: 'asc' } }),
    db.workOrder.findMany({ where: { id: { in: ids.workOrderIds } }, orderBy: { createdAt: 'asc' } }),
    db.notification.findMany({ where: { id: { in: ids.notificationIds } }, orderBy: { createdAt: 'asc' } }),
    db.auditLog.findMany({ where: { OR: ids.auditWhere }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
    db.device.findMany({
      where: { id: { in: ids.devices.map((d) => d.id) } },
      orderBy: { createdAt: 'asc' },
      // Never the MQTT credential hash.
      select: {
        id: true, serial: true, status: true, centreId: true, beneficiaryId: true, seatWidthMm: true, seatDepthMm: true,
        batteryInstalledAt: true, lastServiceAt: true, lastServiceOdometerM: true, createdAt: true,
        model: { select: { id: true, name: true, manufacturer: true, kind: true, isoCode: true } },
      },
    }),
  ]);

  const recipients = await db.user.findMany({ where: { id: { in: [...new Set(notifications.map((n) => n.userId))] } }, select: { id: true, name: true, role: true } });
  const recipientOf = new Map(recipients.map((u) => [u.id, u]));

  const telemetry = new Map<string, Awaited<ReturnType<typeof telemetrySummary>>>();
  for (const d of ids.devices) if (d.from) telemetry.set(d.id, await telemetrySummary(reader, d.id, d.from, now));

  const { centre, cpProfile, hydroProfile, consents, familyLinks, referrals, assessments, followUps, ...row } = b;
  const { headCircumferences, ...hydro } = hydroProfile ?? { headCircumferences: [] };
  const health = healthDataView(actor, b, now);
  const full = plain({
    exportedAt: now.toISOString(),
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedBy: { id: actor.id, role: actor.role },
    beneficiary: { ...row, centre },
    cpProfile,
    hydrocephalusProfile: hydroProfile ? hydro : null,
    headCircumferences,
    consents,
    familyLinks: familyLinks.map(({ user, ...l }) => ({ ...l, user })),
    referrals,
    assessments,
    requests,
    followUps,
    devices: devices.map((d) => ({ ...d, assignedNow: d.beneficiaryId === id, telemetry: telemetry.get(d.id) ?? null })),
    reports,
    alerts: alerts.map((a) => ({ ...a, details: parseJson(a.details) })),
    workOrders: workOrders.map((w) => ({ ...w, details: parseJson(w.details) })),
    notifications: notifications.map((n) => ({ ...n, params: parseJson(n.params), recipient: recipientOf.get(n.userId) ?? null })),
    audit: audit.map((e) => ({ ...e, details: parseJson(e.details) })),
  }) as BeneficiaryExport;
  return health.level === 'full' ? full : withholdHealthData(full);
}

function parseJson(s: string | null): unknown {
  if (s === null) return null;
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

/**
 * A chair's telemetry while it is theirs: counts and first/last sample time, daily rollups for the
 * whole period and hourly ones for the last 31 days. Raw samples are the chair's technical log and
 * are not exported (they add nothing personal beyond the hourly rollups).
 */
export async function telemetrySummary(reader: TelemetryReader, deviceId: string, from: Date, now: Date) {
  const state = await reader.chairState(deviceId);
  const window = { from: from.toISOString(), to: now.toISOString() };
  if (!state) return { window, samples: 0, firstSampleAt: null, lastSampleAt: null, daily: [], hourly: [] };
  const span = await reader.sampleSpan(state.key, from.getTime(), now.getTime());
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const hourlyFrom = Math.max(from.getTime(), now.getTime() - HOURLY_EXPORT_DAYS * DAY_MS);
  return {
    window,
    samples: span.samples,
    firstSampleAt: iso(span.firstTs),
    lastSampleAt: iso(span.lastTs),
    daily: await reader.aggregateSeries(state.key, from.getTime(), now.getTime(), 'day'),
    hourly: await reader.aggregateSeries(state.key, hourlyFrom, now.getTime(), 'hour'),
  };
}
