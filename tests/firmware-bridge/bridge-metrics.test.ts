// Metrics and readiness where the bridge runs: real MQTT samples through the embedded broker move
// the ingest metrics, and readiness turns 503 (naming the broker) while the broker is down, both on
// the stand-alone bridge's own listener and on the API of a process that runs the bridge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app.ts';
import { IngestMetrics } from '../../core/metrics/ingest-metrics.ts';
import { createMetricsRegistry, exposeBroker, exposeIngest } from '../../core/metrics/registry.ts';
import { exposeDatabase, sqliteStats } from '../../core/metrics/database-stats.ts';
import { brokerReadiness, sqliteReadiness } from '../../core/health/readiness.ts';
import { createLogger } from '../../core/log/logger.ts';
import { startOpsHttp, type OpsHttp } from '../../firmware-bridge/src/ops-http.ts';
import { sample, startTelemetryFixture, type TelemetryFixture } from '../helpers/telemetry-fixture.ts';
import { metricValue } from '../helpers/metrics.ts';

const TOKEN = 'bridge-scrape-token-0123456789';
let f: TelemetryFixture;
let ops: OpsHttp;
let app: ReturnType<typeof createApp>;
const ingest = new IngestMetrics();

beforeAll(async () => {
  f = await startTelemetryFixture('aedes', {}, undefined, { metrics: ingest });
  const metrics = createMetricsRegistry({ version: 'test', processMetrics: false });
  exposeIngest(metrics, ingest, () => f.svc.pipeline.pending);
  exposeBroker(metrics, () => f.svc.bridge.subscribed);
  exposeDatabase(metrics, sqliteStats(f.h.config.databaseFile));
  const broker = brokerReadiness(() => f.svc.bridge.subscribed);
  ops = await startOpsHttp({
    port: 0, host: '127.0.0.1', metrics, metricsToken: TOKEN, log: createLogger('silent'),
    readiness: [...sqliteReadiness(f.h.config.databaseFile, async () => f.h.db.raw.prepare('SELECT 1').get()), broker],
  });
  // The API of a process that embeds the bridge, as server/src/main.ts wires it.
  app = createApp({ database: f.h.db, telemetry: f.svc.store, config: f.h.config, log: createLogger('silent'), readiness: [broker] });
});
afterAll(async () => {
  await ops?.close();
  await f?.close();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${ops.port}${path}`, { headers });
const scrape = async () => {
  const res = await get('/metrics', { authorization: `Bearer ${TOKEN}` });
  expect(res.status).toBe(200);
  return res.text();
};

describe("the bridge's own listener", () => {
  it('answers /health and, with every check passing, /health/ready', async () => {
    expect(await (await get('/health')).json()).toEqual({ status: 'ok' });
    const ready = await get('/health/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok', broker: 'ok' } });
  });

  it('serves /metrics only with the Bearer token, in the one error shape otherwise', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token-wrong-token' }, { authorization: TOKEN }] as Record<string, string>[]) {
      const res = await get('/metrics', headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await res.json()).error.code).toBe('unauthenticated');
    }
    const ok = await get('/metrics', { authorization: `Bearer ${TOKEN}` });
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await ok.text()).toContain('# TYPE atensi_ingest_publish_to_commit_seconds histogram');
    expect((await get('/other')).status).toBe(404);
  });

  it('counts real MQTT samples, duplicates and refusals by reason after their commit', async () => {
    const before = await scrape();
    const stored0 = metricValue(before, 'atensi_ingest_samples_stored_total') ?? 0;
    const chair = await f.connectChair(0);
    const topic = `atensi/chairs/${f.chairs[0]!.deviceId}/telemetry`;
    for (let seq = 0; seq < 20; seq++) await chair.publishAsync(topic, sample(seq, {}, 'boot-metrics'), { qos: 1 });
    await chair.publishAsync(topic, sample(5, {}, 'boot-metrics'), { qos: 1 }); // a resend
    await chair.publishAsync(topic, '{not json', { qos: 1 });
    await f.waitFor(async () => (metricValue(await scrape(), 'atensi_ingest_rejected_total', { reason: 'bad_json' }) ?? 0) >= 1);
    const text = await scrape();
    expect(metricValue(text, 'atensi_ingest_samples_stored_total')).toBe(stored0 + 20);
    expect(metricValue(text, 'atensi_ingest_duplicates_total')).toBeGreaterThanOrEqual(1);
    expect(metricValue(text, 'atensi_ingest_rejected_total', { reason: 'bad_json' })).toBe(1);
    expect(metricValue(text, 'atensi_ingest_messages_total')).toBeGreaterThanOrEqual(22);
    // Every sample's publish→commit latency observed, each well under a minute on this machine.
    const count = metricValue(text, 'atensi_ingest_publish_to_commit_seconds_count')!;
    expect(count).toBeGreaterThanOrEqual(21);
    expect(metricValue(text, 'atensi_ingest_publish_to_commit_seconds_bucket', { le: '+Inf' })).toBe(count);
    expect(metricValue(text, 'atensi_ingest_publish_to_commit_seconds_bucket', { le: '60' })).toBe(count);
    expect(metricValue(text, 'atensi_ingest_receive_to_commit_seconds_count')).toBe(count);
    expect(metricValue(text, 'atensi_ingest_batch_size_count')).toBeGreaterThanOrEqual(1);
    expect(metricValue(text, 'atensi_ingest_batch_size_sum')).toBe(metricValue(text, 'atensi_ingest_messages_total'));
    expect(metricValue(text, 'atensi_broker_connected')).toBe(1);
    expect(metricValue(text, 'atensi_db_file_bytes')).toBeGreaterThan(0);
    expect(metricValue(text, 'atensi_db_wal_bytes')).toBeGreaterThan(0);
    expect(metricValue(text, 'atensi_db_info', { engine: 'sqlite' })).toBe(1);
  });

  it('turns not ready, naming the broker, while the broker is down, and ready again after', async () => {
    await f.svc.broker!.close();
    await f.waitFor(async () => (await get('/health/ready')).status === 503);
    const res = await get('/health/ready');
    expect(await res.json()).toEqual({
      error: { code: 'unavailable', message: 'not ready: broker', details: { reason: 'not_ready', checks: { database: 'ok', migrations: 'ok', broker: 'failed' } } },
    });
    expect((await get('/health')).status).toBe(200);
    expect(metricValue(await scrape(), 'atensi_broker_connected')).toBe(0);

    // The API of a process that runs the bridge says the same; its liveness does not change.
    const api = await app.request('/api/health/ready');
    expect(api.status).toBe(503);
    expect((await api.json()).error.details.checks).toEqual({ database: 'ok', migrations: 'ok', broker: 'failed' });
    expect((await app.request('/api/health')).status).toBe(200);

    await f.svc.restartBroker();
    await f.waitFor(async () => (await get('/health/ready')).status === 200, 15_000);
    expect((await app.request('/api/health/ready')).status).toBe(200);
  });
});
