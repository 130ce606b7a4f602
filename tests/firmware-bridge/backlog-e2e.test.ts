// End to end through the embedded broker with the rules engine running: a chair offline for a day
// whose buffer held a deep discharge reconnects, sends its current sample and resends the buffer.
// The technician sees the past episode in the chair's alert history and no open alert; the family
// is not told (the battery is fine now).
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTelemetry, type TelemetryService } from '../../firmware-bridge/src/telemetry-service.ts';
import { parseConfig } from '../../server/src/config.ts';
import { createLogger } from '../../core/log/logger.ts';
import type { Alert } from '../../schemas/work-orders.ts';
import { commitSeries, fleetStore } from '../helpers/fleet-fixture.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { setTimeout as sleep } from 'node:timers/promises';

const HOUR = 3_600_000;
const MIN = 60_000;
let h: Harness;
let svc: TelemetryService;
let chair: { deviceId: string; secret: string };
let family: string[];
let centreCode: string;

beforeAll(async () => {
  h = await createHarness();
  const withFamily = await h.db.prisma.device.findMany({
    where: { id: { in: h.creds.chairs.map((c) => c.deviceId) }, beneficiary: { familyLinks: { some: {} } } },
    include: { beneficiary: { include: { familyLinks: true } }, centre: true },
  });
  const d = withFamily[0]!;
  chair = h.creds.chairs.find((c) => c.deviceId === d.id)!;
  family = d.beneficiary!.familyLinks.map((l) => l.userId);
  centreCode = d.centre.code;
  // Its history until a day ago, received as it was measured.
  await commitSeries(fleetStore(h), chair.deviceId, {
    bootId: 'boot-before', from: Date.now() - 48 * HOUR, to: Date.now() - 25 * HOUR, everyMs: 10 * MIN,
    at: (i) => ({ socPct: 85, odometerM: 10_000 + i * 10, motorSeconds: 5_000 + i * 5 }),
  });
  const config = parseConfig({ DATA_DIR: h.dir, MQTT_PORT: '0', ACK_INTERVAL_MS: '150' });
  svc = await startTelemetry({ config, raw: h.db.raw, prisma: h.db.prisma, log: createLogger('silent') });
}, 60_000);

afterAll(async () => {
  await svc?.close();
  await h?.close();
});

function payload(seq: number, ts: number, socPct: number, charging: boolean) {
  return JSON.stringify({
    v: 1, bootId: 'boot-offline', seq, ts,
    battery: { socPct, voltageV: 24, currentA: charging ? 5 : -2, tempC: 30, charging, cycleCount: 150, fullChargeAh: 18 },
    usage: { odometerM: 20_000 + seq * 10, motorSeconds: 9_000 + seq * 5 },
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(100);
  }
}

describe('a day offline with a deep discharge in the buffer', () => {
  it('is history for the technician, not an alarm, and nobody is nudged', async () => {
    const start = Date.now() - 24 * HOUR;
    // The buffer: every 10 minutes for a day; 15 % from hour 6 to hour 9, then charged to 90 %.
    const buffer: { ts: number; soc: number; charging: boolean }[] = [];
    for (let ts = start; ts < Date.now() - 10 * MIN; ts += 10 * MIN) {
      const hour = (ts - start) / HOUR;
      buffer.push({ ts, soc: hour < 6 ? 60 - hour * 7 : hour < 9 ? 15 : hour < 12 ? 60 : 90, charging: hour >= 9 && hour < 12 });
    }
    const client = await mqtt.connectAsync(svc.brokerUrl, { clientId: chair.deviceId, username: chair.deviceId, password: chair.secret, reconnectPeriod: 0 });
    const topic = `atensi/chairs/${chair.deviceId}/telemetry`;
    // Back online: the current sample first, then the buffer, oldest first, as the firmware does.
    await client.publishAsync(topic, payload(buffer.length, Date.now(), 90, false), { qos: 1 });
    for (const [seq, b] of buffer.entries()) await client.publishAsync(topic, payload(seq, b.ts, b.soc, b.charging), { qos: 1 });
    await client.endAsync();

    const episodeStart = buffer.find((b) => b.soc < 20 && !b.charging)!.ts; // the first sample under 20 %
    const tech = await h.as(h.user('technician', centreCode).email);
    const alerts = async (status: string) =>
      ((await (await tech.get(`/api/alerts?deviceId=${chair.deviceId}&status=${status}&kind=deep_discharge&pageSize=50`)).json()) as { items: Alert[] }).items;
    await waitFor(async () => (await alerts('all')).length > 0);
    await svc.rules!.idle();

    const history = await alerts('all');
    expect(history).toHaveLength(1);
    expect(history[0]!.details).toMatchObject({ past: true, socPct: 15, episodeStart });
    expect(Date.parse(history[0]!.createdAt)).toBe(episodeStart);
    expect(history[0]!.clearedAt).not.toBeNull();
    expect(await alerts('open')).toHaveLength(0);
    expect(await h.db.prisma.notification.count({ where: { kind: 'deep_discharge', userId: { in: family } } })).toBe(0);
    // It counts for charging habits: one episode on record.
    const state = await h.db.prisma.ruleState.findUniqueOrThrow({ where: { deviceId_rule: { deviceId: chair.deviceId, rule: 'deep_discharge' } } });
    expect(JSON.parse(state.data).track.episodes.map((e: { start: number }) => e.start)).toEqual([episodeStart]);
  }, 60_000);
});
