// One process of the ingest benchmark, by role: `broker` (embedded aedes), `sink` (a subscriber
// that only parses and discards: the ceiling), `bridge` (the real pipeline into SQLite) or `load`
// (chairs publishing QoS 1 telemetry). Sinks and bridges take a client id and, on Mosquitto, the
// shared-subscription group ('-' for none). Talks to the orchestrator over IPC.
import mqtt from 'mqtt';
import { openRaw } from '../../core/db/client.ts';
import { verifyDeviceSecret } from '../../core/devices/credentials.ts';
import { startEmbeddedBroker } from '../src/broker/embedded-broker.ts';
import { IngestPipeline } from '../src/bridge/ingest-pipeline.ts';
import { startMqttBridge } from '../src/bridge/mqtt-bridge.ts';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import { BENCH_BRIDGE as BRIDGE } from './bench-broker.ts';
import { IngestMetrics } from '../../core/metrics/ingest-metrics.ts';
import { rawHorizon, RETENTION, runRetention } from '../../core/telemetry/retention.ts';
import { SqliteRawPruner } from '../../core/telemetry/sqlite-retention.ts';

const [role, ...args] = process.argv.slice(2);
const send = (msg: unknown) => process.send?.(msg);

async function broker(dbFile: string) {
  const raw = openRaw(dbFile, { readonly: true });
  const secretOf = raw.prepare('SELECT mqttSecretHash AS hash FROM "Device" WHERE id = ?');
  const cache = new Map<string, boolean>();
  const b = await startEmbeddedBroker({
    port: 0,
    host: '127.0.0.1',
    prefix: 'atensi',
    bridge: BRIDGE,
    verifyDevice: (id, secret) => {
      const key = `${id}:${secret}`;
      if (!cache.has(key)) cache.set(key, verifyDeviceSecret(secret, (secretOf.get(id) as { hash: string } | undefined)?.hash));
      return cache.get(key)!;
    },
    onRefusal: (r) => send({ type: 'refusal', r }),
  });
  send({ type: 'ready', port: b.port });
}

const group = (g: string | undefined) => (g && g !== '-' ? g : null);

async function sink(url: string, clientId: string, sharedGroup: string | null) {
  const client = mqtt.connect(url, { ...BRIDGE, clientId, clean: false, protocolVersion: sharedGroup ? 5 : 4 });
  let n = 0;
  client.handleMessage = (packet, cb) => {
    JSON.parse((packet.payload as Buffer).toString('utf8'));
    n++;
    cb();
  };
  client.on('connect', () => {
    const topic = 'atensi/chairs/+/telemetry';
    client.subscribe(sharedGroup ? `$share/${sharedGroup}/${topic}` : topic, { qos: 1 }, () => send({ type: 'ready' }));
  });
  setInterval(() => send({ type: 'count', n, at: Date.now() }), 100);
}

/**
 * `warmupMs`: latencies of samples made in the first milliseconds of the phase are not kept.
 * `retention`: after the warm-up, the retention run deletes old raw rows on this connection, as
 * the job does in the bridge process.
 */
async function bridge(url: string, dbFile: string, warmupMs: number, clientId: string, sharedGroup: string | null, retention: boolean) {
  const raw = openRaw(dbFile);
  raw.pragma('busy_timeout = 50');
  const store = new SqliteTelemetryStore(raw);
  const latencies: number[] = [];
  let stored = 0;
  let firstTs: number | undefined;
  const pipeline = new IngestPipeline({
    store,
    prefix: 'atensi',
    // Counted as in the real bridge, so the figures include what /metrics costs the hot path.
    metrics: new IngestMetrics(),
    onCommitted(result, batch) {
      stored += result.stored;
      const now = Date.now();
      for (const s of batch.samples) {
        firstTs ??= s.sample.ts;
        if (s.sample.ts >= firstTs + warmupMs) latencies.push(now - s.sample.ts);
      }
    },
  });
  const b = startMqttBridge({ url, ...BRIDGE, clientId, prefix: 'atensi', sharedGroup, protocolVersion: sharedGroup ? 5 : 4, pipeline, store, ackIntervalMs: 2000 });
  await b.ready;
  send({ type: 'ready' });
  if (retention) {
    setTimeout(() => {
      void runRetention(new SqliteRawPruner(raw), { horizon: rawHorizon(Date.now(), RETENTION.rawDays) }).then((r) => send({ type: 'retention', ...r }));
    }, warmupMs);
  }
  setInterval(() => send({ type: 'count', n: stored, at: Date.now(), rss: process.memoryUsage().rss }), 100);
  process.on('message', (m: { type: string }) => {
    if (m.type === 'latencies') {
      send({ type: 'latencies', values: latencies.splice(0) });
    }
  });
}

function payload(bootId: string, seq: number, i: number) {
  return JSON.stringify({
    v: 1, bootId, seq, ts: Date.now(),
    battery: { socPct: 40 + ((seq * 7 + i) % 600) / 10, voltageV: 25.31, currentA: -6.42, tempC: 31.4, charging: false, cycleCount: 212, fullChargeAh: 18.92 },
    usage: { odometerM: 1_250_000 + seq * 12, motorSeconds: 410_000 + seq * 9 },
  });
}

async function load(url: string, chairsJson: string, total: string, rate: string) {
  const chairs = JSON.parse(chairsJson) as { deviceId: string; secret: string }[];
  const clients = await Promise.all(
    chairs.map((c) => mqtt.connectAsync(url, { clientId: c.deviceId, username: c.deviceId, password: c.secret, clean: true, reconnectPeriod: 0 })),
  );
  const bootId = `b${Date.now().toString(36)}`;
  const seqs = chairs.map(() => 0);
  let sent = 0;
  let acked = 0;
  const limit = Number(total);
  const perSecond = Number(rate);
  send({ type: 'ready', bootId });
  const window = 64;
  const inflight = chairs.map(() => 0);
  const publishOne = (i: number) => {
    const seq = seqs[i]!++;
    sent++;
    inflight[i]!++;
    clients[i]!.publish(`atensi/chairs/${chairs[i]!.deviceId}/telemetry`, payload(bootId, seq, i), { qos: 1 }, () => {
      acked++;
      inflight[i]!--;
    });
  };
  const started = Date.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      if (sent >= limit) return resolve();
      // Paced: as many as the rate allows by now; unpaced: keep every chair's window full.
      const due = perSecond > 0 ? Math.min(limit, Math.floor(((Date.now() - started) / 1000) * perSecond)) : limit;
      let progressed = false;
      for (let i = 0; sent < due && i < clients.length * window; i++) {
        const c = (sent + i) % clients.length;
        if (inflight[c]! < window) {
          publishOne(c);
          progressed = true;
        }
      }
      setTimeout(tick, perSecond > 0 || !progressed ? 2 : 0);
    };
    tick();
  });
  while (acked < sent) await new Promise((r) => setTimeout(r, 10));
  send({ type: 'done', sent, seqs, bootId });
  await Promise.all(clients.map((c) => c.endAsync()));
}

const roles: Record<string, (...a: string[]) => Promise<void>> = {
  broker: (f) => broker(f!),
  sink: (u, id, g) => sink(u!, id ?? 'bench-sink', group(g)),
  bridge: (u, f, w, id, g, r) => bridge(u!, f!, Number(w ?? 0), id ?? 'bench-bridge', group(g), r === 'retention'),
  load: (u, c, t, r) => load(u!, c!, t!, r!),
};
roles[role!]!(...args).catch((err: unknown) => {
  process.stderr.write(`${role} failed: ${(err as Error).stack}\n`);
  process.exit(1);
});
