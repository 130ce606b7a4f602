// Shared parts of the fault-injection cases: extra chairs with MQTT credentials, an HTTP probe that
// keeps asking the API while a fault is on, the exactly-once count of what the simulated chairs
// produced against what SQLite holds, and the figure line each case prints.
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type Database from 'better-sqlite3';
import { generateDeviceSecret, hashDeviceSecret } from '../../core/devices/credentials.ts';
import type { FleetChair } from '../../firmware-bridge/src/simulator/fleet.ts';
import type { SimulatedChair } from '../../firmware-bridge/src/simulator/chair.ts';
import { quickSession } from '../helpers/api.ts';
import { CENTRE_A, type Harness } from '../helpers/harness.ts';
import { root } from '../helpers/process.ts';
import { type BrokerKind, startTelemetryFixture } from '../helpers/telemetry-fixture.ts';

import { setTimeout as sleep } from 'node:timers/promises';
import { serialKey } from '../../schemas/devices.ts';
export { sleep };

/** Registers `n` more electric chairs (copies of a demo chair's model and centre) with fresh secrets. */
export function provisionChairs(raw: Database.Database, n: number, tag: string): FleetChair[] {
  const template = raw.prepare(`SELECT modelId, centreId FROM "Device" WHERE mqttSecretHash IS NOT NULL LIMIT 1`).get() as { modelId: string; centreId: string };
  const insert = raw.prepare(
    `INSERT INTO "Device" (id, serial, serialKey, modelId, centreId, status, seatWidthMm, seatDepthMm, mqttSecretHash, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, 'in_stock', 400, 400, ?, ?, ?)`,
  );
  const now = Date.now();
  const chairs: FleetChair[] = [];
  raw.transaction(() => {
    for (let i = 0; i < n; i++) {
      const deviceId = `fault${tag}${String(i).padStart(4, '0')}`.toLowerCase();
      const secret = generateDeviceSecret();
      const serial = `FLT-${tag}-${i}`;
      insert.run(deviceId, serial, serialKey(serial), template.modelId, template.centreId, hashDeviceSecret(secret), now, now);
      chairs.push({ deviceId, secret });
    }
  })();
  return chairs;
}

export interface ProbeFigures {
  requests: number;
  failed: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  failures: string[];
}

/**
 * Asks the API, every `intervalMs`, for its health and for a signed-in technician's fleet list (a
 * real read of SQLite through Prisma), and records every answer that is not a 200 within 5 s.
 */
export async function startProbe(h: Harness, baseUrl: string, intervalMs = 200) {
  const tech = await quickSession(h, h.user('technician', CENTRE_A).email);
  const latencies: number[] = [];
  const failures: string[] = [];
  let stopped = false;
  const ask = async (url: string, cookie?: string) => {
    const started = performance.now();
    try {
      const res = await fetch(baseUrl + url, { headers: cookie ? { cookie } : {}, signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status !== 200) failures.push(`${url}: ${res.status}`);
    } catch (err) {
      failures.push(`${url}: ${(err as Error).message}`);
    }
    latencies.push(performance.now() - started);
  };
  const loop = (async () => {
    while (!stopped) {
      await Promise.all([ask('/api/health'), ask('/api/devices', tech.cookie)]);
      await sleep(intervalMs);
    }
  })();
  return {
    async stop(): Promise<ProbeFigures> {
      stopped = true;
      await loop;
      const sorted = [...latencies].sort((a, b) => a - b);
      const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
      return { requests: latencies.length, failed: failures.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: Math.round(sorted.at(-1) ?? 0), failures: failures.slice(0, 5) };
    },
  };
}

/** Serves the harness's app on a real port (the API the probe asks, in the cases that run in-process). */
export async function serveHarness(h: Harness) {
  const server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface Ledger {
  chairs: number;
  boots: number;
  produced: number;
  stored: number;
  lost: number;
  duplicated: number;
  /** Boots whose stored seqs are not exactly 0..produced-1. */
  wrongBoots: string[];
}

/** Compares, per chair and boot, what the simulated chairs produced with the rows in telemetry_raw. */
export function ledger(raw: Database.Database, chairs: SimulatedChair[]): Ledger {
  const rows = raw
    .prepare(
      `SELECT s.deviceId AS deviceId, b.bootId AS bootId, count(*) AS n, count(DISTINCT r.seq) AS d, min(r.seq) AS lo, max(r.seq) AS hi
       FROM telemetry_raw r JOIN chair_state s ON s.key = r.device_key JOIN chair_boot b ON b.key = r.boot_key GROUP BY r.device_key, r.boot_key`,
    )
    .all() as { deviceId: string; bootId: string; n: number; d: number; lo: number; hi: number }[];
  const byKey = new Map(rows.map((r) => [`${r.deviceId}/${r.bootId}`, r]));
  const out: Ledger = { chairs: chairs.length, boots: 0, produced: 0, stored: 0, lost: 0, duplicated: 0, wrongBoots: [] };
  for (const chair of chairs) {
    for (const [bootId, produced] of chair.producedByBoot) {
      const r = byKey.get(`${chair.deviceId}/${bootId}`) ?? { n: 0, d: 0, lo: 0, hi: -1 };
      out.boots++;
      out.produced += produced;
      out.stored += r.d;
      out.lost += Math.max(0, produced - r.d);
      out.duplicated += r.n - r.d;
      if (r.n !== produced || r.d !== produced || r.lo !== 0 || r.hi !== produced - 1) {
        out.wrongBoots.push(`${chair.deviceId}/${bootId}: produced ${produced}, rows ${r.n}, distinct ${r.d}, seq ${r.lo}..${r.hi}`);
      }
    }
  }
  return out;
}

/** Prints one line of figures for a case, and appends it to FAULTS_REPORT (JSON lines) when set. */
export function report(name: string, figures: Record<string, unknown>) {
  const line = Object.entries(figures)
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' ');
  console.log(`FAULT ${name}: ${line}`);
  const file = process.env.FAULTS_REPORT;
  if (file) fs.appendFileSync(path.resolve(root, file), `${JSON.stringify({ case: name, at: new Date().toISOString(), ...figures })}\n`);
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.floor(s.length / 2)]!) : 0;
};

/**
 * An in-process stack for a fault case: a fresh database with `chairs` more chairs registered, the
 * bridge on the given broker, the API on a real port, and a probe asking it throughout.
 */
export async function startStack(kind: BrokerKind, chairs: number, tag: string) {
  let fleetChairs: FleetChair[] = [];
  const f = await startTelemetryFixture(kind, { ACK_INTERVAL_MS: '200' }, (h) => {
    fleetChairs = provisionChairs(h.db.raw, chairs, tag);
  });
  const api = await serveHarness(f.h);
  const probe = await startProbe(f.h, api.url);
  return {
    f,
    fleetChairs,
    probe,
    async close() {
      await api.close();
      await f.close();
    },
  };
}

/** Counts the acks chairs receive (per chair, with time), to show that acks stop while a fault holds. */
export function watchAcks(chairs: SimulatedChair[]) {
  const at: number[] = [];
  for (const c of chairs) c.on('ack', () => at.push(Date.now()));
  return { between: (from: number, to: number) => at.filter((t) => t >= from && t < to).length };
}
