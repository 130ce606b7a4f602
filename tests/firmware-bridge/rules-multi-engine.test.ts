// Two rules engines on one database, as two bridges run them: judging the same chairs at the same
// moment they raise one alert and one work order per condition (each rule's state row is written
// with a compare-and-set in the transaction of its effects), and the sweep runs once per period.
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import { type EvaluationSummary, RulesEngine, SWEEP_JOB } from '../../firmware-bridge/src/rules/engine.ts';
import { activeStatuses } from '../../schemas/work-orders.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { root } from '../helpers/process.ts';

const now = Date.now();
let h: Harness;
let chairs: string[];
beforeAll(async () => {
  h = await createHarness();
  const store = new SqliteTelemetryStore(h.db.raw, { now: () => now });
  // Enough chairs that the two engines' reads and writes overlap: the demo's few, and 40 more like them.
  const like = await h.db.prisma.device.findFirstOrThrow({ where: { mqttSecretHash: { not: null }, status: 'in_use' } });
  await h.db.prisma.device.createMany({
    data: Array.from({ length: 40 }, (_, i) => ({
      serial: `MULTI-${i}`, serialKey: `MULTI-${i}`, modelId: like.modelId, centreId: like.centreId, beneficiaryId: like.beneficiaryId, status: 'in_use', mqttSecretHash: like.mqttSecretHash,
    })),
  });
  const watched = await h.db.prisma.device.findMany({ where: { mqttSecretHash: { not: null }, status: { in: ['in_use', 'in_repair'] } }, select: { id: true } });
  chairs = watched.map((d) => d.id);
  // Every chair hot, nearly flat and with an active motor fault, as of now.
  store.commit({
    samples: chairs.map((deviceId) => ({
      deviceId,
      receivedAt: now,
      sample: {
        v: 1, bootId: 'multi-engine', seq: 0, ts: now,
        battery: { socPct: 12, voltageV: 23.1, currentA: -4, tempC: 56, charging: false, cycleCount: 120, fullChargeAh: 19 },
        usage: { odometerM: 150_000, motorSeconds: 60_000 },
        faults: [{ code: 'VR2-8', active: true }],
      },
    })),
    rejections: [],
    statuses: [],
  });
});
afterAll(() => h.close());

function startEngine(): Promise<{ child: ChildProcess; result: Promise<{ raised: EvaluationSummary['raised']; yielded: number }> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/rules-engine-child.ts', h.config.databaseFile, String(now), '3'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const result = new Promise<{ raised: EvaluationSummary['raised']; yielded: number }>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.split('\n').find((l) => l.startsWith('{'))!)) : reject(new Error(`engine exited ${code}: ${err}`)))),
  );
  return new Promise((resolve) => {
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('engine ready')) resolve({ child, result });
    });
  });
}

const RULES = ['controller_fault', 'over_temperature', 'deep_discharge'] as const;

describe('two engines judging the same chairs at once', () => {
  it('one alert and one work order per chair and condition, raised by one engine', async () => {
    expect(chairs.length).toBeGreaterThan(1);
    const engines = await Promise.all([startEngine(), startEngine()]);
    for (const e of engines) e.child.stdin!.end('go\n');
    const [a, b] = await Promise.all(engines.map((e) => e.result));
    console.log(`rules-multi-engine: ${chairs.length} chairs, raised ${a!.raised.length} + ${b!.raised.length}, yielded ${a!.yielded + b!.yielded}`);
    const raised = [...a!.raised, ...b!.raised];
    for (const deviceId of chairs) {
      for (const rule of RULES) {
        expect(raised.filter((r) => r.deviceId === deviceId && r.rule === rule), `${deviceId} ${rule}`).toHaveLength(1);
        expect(await h.db.prisma.alert.count({ where: { deviceId, kind: rule, clearedAt: null } }), `${deviceId} ${rule} alerts`).toBe(1);
      }
      const orders = await h.db.prisma.workOrder.findMany({ where: { deviceId, rule: 'controller_fault', status: { in: [...activeStatuses] } } });
      expect(orders, deviceId).toHaveLength(1);
      expect(await h.db.prisma.auditLog.count({ where: { action: 'work_order.create', entityId: orders[0]!.id } })).toBe(1);
    }
  }, 180_000);
});

describe('the sweep across engines', () => {
  const engine = (at: () => number) => new RulesEngine({ prisma: h.db.prisma, telemetry: new SqliteTelemetryStore(h.db.raw), now: at, sweepMs: 60_000 });

  it('runs on one of two engines whose timers fire together, and on the other once the period is over', async () => {
    let t = now + 3_600_000;
    const [a, b] = [engine(() => t), engine(() => t)];
    const ran = await Promise.all([a.sweep(), b.sweep()]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect(await b.sweep()).toBe(false);
    expect(await a.sweep()).toBe(false);
    t += 60_000;
    expect(await b.sweep()).toBe(true);
    expect(await a.sweep()).toBe(false);
  });

  it('a stopped engine hands the sweep over at once', async () => {
    const t = now + 7_200_000;
    const [a, b] = [engine(() => t), engine(() => t)];
    a.start();
    await a.idle();
    expect(await b.sweep()).toBe(false);
    await a.stop();
    expect(await h.db.prisma.jobLease.findUniqueOrThrow({ where: { name: SWEEP_JOB } })).toMatchObject({ until: new Date(0) });
    expect(await b.sweep()).toBe(true);
  });
});
