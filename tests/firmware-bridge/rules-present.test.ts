// The rules judge the present (issue 17's reproductions, on a real database under a fake clock): a
// replayed old sample raises no live alarm, a flickering charger flag or fault code is one episode,
// and families get one notice per episode and a capped number per day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DischargeTrack } from '../../firmware-bridge/src/rules/discharge.ts';
import { RulesEngine } from '../../firmware-bridge/src/rules/engine.ts';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import { defaultThresholds } from '../../schemas/maintenance-rules.ts';
import type { TelemetryV1 } from '../../schemas/telemetry.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

const DAY = 86_400_000;
const MIN = 60_000;
let h: Harness;
let now = Date.UTC(2026, 11, 1, 8);
let store: SqliteTelemetryStore;
let chairId: string;
let family: string[];
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
  family = chair.beneficiary!.familyLinks.map((l) => l.userId);
});
afterAll(() => h.close());

const engine = () => new RulesEngine({ prisma: h.db.prisma, telemetry: store, now: () => now });

async function send(socPct: number, charging = false, o: { ts?: number; bootId?: string; faults?: TelemetryV1['faults'] } = {}) {
  const sample: TelemetryV1 = {
    v: 1, bootId: o.bootId ?? 'present-boot', seq: seq++, ts: o.ts ?? now,
    battery: { socPct, voltageV: 24, currentA: charging ? 5 : -3, tempC: 30, charging, cycleCount: 100, fullChargeAh: 18.5 },
    usage: { odometerM: 100_000 + seq * 50, motorSeconds: 50_000 + seq * 40 },
    ...(o.faults ? { faults: o.faults } : {}),
  };
  await store.commit({ samples: [{ deviceId: chairId, sample, receivedAt: now }], rejections: [], statuses: [] });
}

const ddAlerts = async () => {
  const all = await h.db.prisma.alert.findMany({ where: { deviceId: chairId, kind: 'deep_discharge' }, orderBy: { createdAt: 'asc' } });
  const past = all.filter((a) => JSON.parse(a.details ?? '{}').past === true);
  return { live: all.filter((a) => !past.includes(a)), past, open: all.filter((a) => a.clearedAt === null) };
};
const notices = () => h.db.prisma.notification.count({ where: { kind: 'deep_discharge', userId: { in: family } } });
const episodes = async () => {
  const row = await h.db.prisma.ruleState.findUnique({ where: { deviceId_rule: { deviceId: chairId, rule: 'deep_discharge' } } });
  return (JSON.parse(row?.data ?? '{}').track as DischargeTrack | undefined)?.episodes ?? [];
};

/** A chair reporting normally for a while, every minute. */
async function liveFor(minutes: number, socPct = 80, charging = false) {
  for (let i = 0; i < minutes; i++) {
    now += MIN;
    await send(socPct, charging);
  }
  await engine().evaluate([chairId]);
}

describe('reproduction 1: a replayed sample dated 60 days ago at 15 %', () => {
  it('is recorded as a past episode in the history: no live alert, no notice', async () => {
    await liveFor(30);
    const before = { ...(await ddAlerts()), notices: await notices() };
    expect(before.live).toHaveLength(0);

    await send(15, false, { ts: now - 60 * DAY, bootId: 'old-boot' });
    await engine().evaluate([chairId]);
    now += 2000;
    await send(80);
    await engine().evaluate([chairId]);

    const after = await ddAlerts();
    expect(after.live).toHaveLength(0);
    expect(after.open).toHaveLength(0);
    expect(await notices()).toBe(before.notices);
    expect(after.past).toHaveLength(1);
    expect(after.past[0]!.createdAt.getTime()).toBe(now - 2000 - 60 * DAY);
    expect((await episodes()).filter((e) => e.start === now - 2000 - 60 * DAY)).toHaveLength(1);
  });
});

describe('a backlog arriving in pieces', () => {
  it('keeps one past record of an episode, corrected as more of it arrives', async () => {
    await liveFor(40);
    // Between two live samples, and well past the quiet period after the episode before.
    const base = now - 5 * MIN - 30_000;
    const before = (await ddAlerts()).past.length;
    await send(19, false, { ts: base, bootId: 'pieces' }); // the start of the episode, and then the present
    await engine().evaluate([chairId]);
    now += 1000;
    await send(80);
    await engine().evaluate([chairId]);
    await send(12, false, { ts: base + 10_000, bootId: 'pieces' }); // the rest of it, resent later
    await engine().evaluate([chairId]);
    const { past, open } = await ddAlerts();
    expect(past.length - before).toBe(1);
    expect(JSON.parse(past.at(-1)!.details!)).toMatchObject({ past: true, socPct: 12, episodeStart: base });
    expect(open).toHaveLength(0);
  });
});

describe('reproduction 2: the charger flag flipping false/true/false/true/false at a steady 18 %', () => {
  it('is one episode: one alert, one notice to each family member, one count for charging habits', async () => {
    await liveFor(60);
    const before = { alerts: (await ddAlerts()).live.length, notices: await notices(), episodes: (await episodes()).length };
    for (const charging of [false, true, false, true, false]) {
      now += 6000;
      await send(18, charging);
      await engine().evaluate([chairId]); // every sample evaluated on its own: the worst case
    }
    const after = await ddAlerts();
    expect(after.live.length - before.alerts).toBe(1);
    expect(after.open).toHaveLength(1);
    expect((await notices()) - before.notices).toBe(family.length);
    expect((await episodes()).length - before.episodes).toBe(1);
  });

  it('clears after ten minutes of charging, not on the flag', async () => {
    // Charging from the first of these samples on: minute 0, 1, … 10.
    for (let minute = 0; minute <= defaultThresholds.deepDischargeChargingClearMinutes; minute++) {
      now += MIN;
      await send(19, true);
      await engine().evaluate([chairId]);
      expect((await ddAlerts()).open).toHaveLength(minute < defaultThresholds.deepDischargeChargingClearMinutes ? 1 : 0);
    }
  });

  it('comes back within the quiet period as the same episode, its alert reopened', async () => {
    const before = { live: (await ddAlerts()).live.length, notices: await notices(), episodes: (await episodes()).length };
    now += 5 * MIN;
    await send(17);
    await engine().evaluate([chairId]);
    const after = await ddAlerts();
    expect(after.live).toHaveLength(before.live);
    expect(after.open).toHaveLength(1);
    expect(await notices()).toBe(before.notices);
    expect(await episodes()).toHaveLength(before.episodes);
    now += MIN;
    await send(85, true);
    await engine().evaluate([chairId]);
  });
});

describe('notices per chair and day', () => {
  it('are capped: five episodes in a day tell the family three times', async () => {
    now += DAY;
    const before = await notices();
    for (let i = 0; i < 5; i++) {
      now += 2 * 60 * MIN;
      await send(12);
      await engine().evaluate([chairId]);
      now += 10 * MIN;
      await send(90, true);
      await engine().evaluate([chairId]);
    }
    expect((await notices()) - before).toBe(defaultThresholds.familyNoticesPerDay * family.length);
    expect((await ddAlerts()).open).toHaveLength(0);
  });
});

describe('reproduction 3: a fault code going active/inactive/active', () => {
  it('continues the same alert on the same work order within the quiet period', async () => {
    const fault = (active: boolean) => [{ code: 'VR2-8', active }];
    for (const active of [true, false, true]) {
      now += MIN;
      await send(70, false, { faults: fault(active) });
      await engine().evaluate([chairId]);
    }
    const alerts = await h.db.prisma.alert.findMany({ where: { deviceId: chairId, kind: 'controller_fault' } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.clearedAt).toBeNull();
    expect(await h.db.prisma.workOrder.count({ where: { deviceId: chairId, rule: 'controller_fault' } })).toBe(1);
    // Gone for longer than the quiet period and back: a new episode, a new alert.
    now += MIN;
    await send(70, false, { faults: fault(false) });
    await engine().evaluate([chairId]);
    now += defaultThresholds.quietMinutes * MIN + MIN;
    await send(70, false, { faults: fault(true) });
    await engine().evaluate([chairId]);
    expect(await h.db.prisma.alert.count({ where: { deviceId: chairId, kind: 'controller_fault' } })).toBe(2);
  });

  it('a fault only in a stale sample raises nothing', async () => {
    now += MIN;
    await send(70, false, { faults: [] });
    await engine().evaluate([chairId]);
    const before = await h.db.prisma.alert.count({ where: { deviceId: chairId, kind: 'controller_fault' } });
    const openBefore = await h.db.prisma.alert.count({ where: { deviceId: chairId, kind: 'controller_fault', clearedAt: null } });
    now += 2 * 60 * MIN;
    await send(70, false, { ts: now - 60 * MIN, faults: [{ code: 'VR2-5', active: true }] });
    await engine().evaluate([chairId]);
    expect(await h.db.prisma.alert.count({ where: { deviceId: chairId, kind: 'controller_fault' } })).toBe(before);
    expect(openBefore).toBe(0);
  });
});
