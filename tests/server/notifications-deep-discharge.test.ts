// The deep-discharge nudge: when the maintenance rules raise deep_discharge for a chair, the family
// linked to its beneficiary is told to charge, once per episode, with the battery %, and the
// centre's webhook gets the message in the family's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RulesEngine } from '../../firmware-bridge/src/rules/engine.ts';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import type { TelemetryV1 } from '../../schemas/telemetry.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

let h: Harness;
let now = Date.UTC(2026, 10, 23, 8);
let store: SqliteTelemetryStore;
let chairId: string;
let familyIds: string[];
let seq = 0;

beforeAll(async () => {
  h = await createHarness();
  store = new SqliteTelemetryStore(h.db.raw, { now: () => now });
  const chair = await h.db.prisma.device.findFirstOrThrow({
    where: { status: 'in_use', mqttSecretHash: { not: null }, beneficiary: { familyLinks: { some: {} } } },
    include: { beneficiary: { include: { familyLinks: true } } },
    orderBy: { serial: 'asc' },
  });
  chairId = chair.id;
  familyIds = chair.beneficiary!.familyLinks.map((l) => l.userId);
  await h.db.prisma.webhookEndpoint.create({ data: { centreId: chair.centreId, url: 'http://127.0.0.1:9/hook', secret: 's'.repeat(43) } });
  await h.db.prisma.user.update({ where: { id: familyIds[0]! }, data: { locale: 'en', phone: '+62 813 0000 1111' } });
});
afterAll(() => h.close());

const engine = () => new RulesEngine({ prisma: h.db.prisma, telemetry: store, now: () => now });

async function send(socPct: number, charging = false) {
  const sample: TelemetryV1 = {
    v: 1, bootId: 'nudge-boot', seq: seq++, ts: now,
    battery: { socPct, voltageV: 24, currentA: charging ? 5 : -3, tempC: 30, charging, cycleCount: 100, fullChargeAh: 18.5 },
    usage: { odometerM: 100_000 + seq * 50, motorSeconds: 50_000 + seq * 40 },
  };
  await store.commit({ samples: [{ deviceId: chairId, sample, receivedAt: now }], rejections: [], statuses: [] });
}

const nudges = () => h.db.prisma.notification.findMany({ where: { kind: 'deep_discharge' }, orderBy: { createdAt: 'asc' } });

describe('deep-discharge nudge', () => {
  it('tells the linked family to charge, with the battery %, once per episode', async () => {
    await send(15);
    await engine().evaluate([chairId]);
    const first = await nudges();
    expect(first.map((n) => n.userId).sort()).toEqual([...familyIds].sort());
    expect(JSON.parse(first[0]!.params)).toEqual({ socPct: '15' });
    expect(first[0]!.createdAt.getTime()).toBe(now);

    // Still deep (and across a "restart": a new engine): no second nudge.
    now += 600_000;
    await send(12);
    await engine().evaluate([chairId]);
    await engine().evaluate([chairId]);
    expect(await nudges()).toHaveLength(familyIds.length);
  });

  it('queues the worded message for the centre\'s webhook', async () => {
    const rows = await h.db.prisma.webhookDelivery.findMany({ where: { event: 'deep_discharge' } });
    expect(rows).toHaveLength(familyIds.length);
    const p = rows.map((r) => JSON.parse(r.payload)).find((x) => x.recipient.userId === familyIds[0]);
    expect(p).toMatchObject({
      event: 'deep_discharge',
      recipient: { phone: '+62 813 0000 1111', locale: 'en' },
      message: 'The wheelchair battery (15%) is almost empty. Please charge it fully soon.',
      link: '/',
    });
  });

  it('every demo family member has a clearly fictional phone, so each delivery has a recipient', async () => {
    const rows = await h.db.prisma.webhookDelivery.findMany({ where: { event: 'deep_discharge' } });
    const phones = rows.map((r) => JSON.parse(r.payload).recipient.phone as string | null);
    expect(phones.every((p) => typeof p === 'string' && p.length > 0)).toBe(true);
    const seeded = await h.db.prisma.user.findMany({ where: { role: 'family', id: { not: familyIds[0]! } }, select: { phone: true } });
    expect(seeded.length).toBeGreaterThan(0);
    for (const u of seeded) expect(u.phone).toMatch(/^\+62 812 0000 \d{4}$/);
  });

  it('a new episode after charging nudges again', async () => {
    now += 3_600_000;
    await send(80, true);
    await engine().evaluate([chairId]);
    expect(await nudges()).toHaveLength(familyIds.length);
    now += 86_400_000;
    await send(18);
    await engine().evaluate([chairId]);
    const all = await nudges();
    expect(all).toHaveLength(2 * familyIds.length);
    expect(JSON.parse(all.at(-1)!.params)).toEqual({ socPct: '18' });
    expect(new Set(all.map((n) => n.dedupeKey)).size).toBe(all.length);
  });
});
