// Wires the telemetry half: the embedded broker (unless MQTT_URL names an external one), the
// store on the shared SQLite file, the ingest pipeline and the MQTT bridge.
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { TelemetryConfig as Config } from '../../core/config/env.ts';
import { verifyDeviceSecret } from '../../core/devices/credentials.ts';
import type { Logger } from '../../core/log/logger.ts';
import { ConnectThrottle } from './broker/connect-throttle.ts';
import { startEmbeddedBroker, type EmbeddedBroker, type EmbeddedBrokerOptions } from './broker/embedded-broker.ts';
import { IngestPipeline } from './bridge/ingest-pipeline.ts';
import { startMqttBridge, type MqttBridge } from './bridge/mqtt-bridge.ts';
import { claimBridgeClientId, type ClaimedClientId } from './bridge/client-id.ts';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import { SqliteRawPruner } from '../../core/telemetry/sqlite-retention.ts';
import { startRetentionJob, type RetentionJob } from '../../core/telemetry/retention-job.ts';
import type { CommitResult, Batch, TelemetryStore } from '../../core/telemetry/telemetry-store.ts';
import type { PrismaClient } from '@prisma/client';
import { RulesEngine } from './rules/engine.ts';
import type { IngestMetrics } from '../../core/metrics/ingest-metrics.ts';

export interface TelemetryServiceOptions {
  config: Config;
  raw: Database.Database;
  /** With it, the maintenance rules run on committed telemetry and on a periodic sweep. */
  prisma?: PrismaClient;
  log: Logger;
  now?: () => number;
  onCommitted?(result: CommitResult, batch: Batch): void;
  /** The pipeline counts into it for /metrics (core/metrics/registry.ts exposeIngest). */
  metrics?: IngestMetrics;
}

export interface TelemetryService {
  /** Where chairs connect: the embedded broker's URL, or the external one. */
  brokerUrl: string;
  /** The bridge's MQTT client id (BRIDGE_CLIENT_ID, or the slot it took on this host). */
  clientId: string;
  broker: EmbeddedBroker | null;
  bridge: MqttBridge;
  pipeline: IngestPipeline;
  store: TelemetryStore;
  rules: RulesEngine | null;
  /** Removes raw samples older than TELEMETRY_RAW_DAYS, periodically (core/telemetry/retention.ts). */
  retention: RetentionJob;
  /**
   * Embedded mode: closes the broker (every client is cut off) and starts a fresh one on the same
   * port, as after a broker crash. Chairs and the bridge reconnect by themselves; chairs wait until
   * the bridge has subscribed again. Used by the fault tests.
   */
  restartBroker(): Promise<void>;
  close(): Promise<void>;
}

export async function startTelemetry(o: TelemetryServiceOptions): Promise<TelemetryService> {
  const { config, raw, log } = o;
  const now = o.now ?? Date.now;
  // In one process the rules engine (Prisma, whose transactions span awaits) and this connection share
  // the event loop: a commit waiting seconds for Prisma's open transaction would block the very loop
  // that transaction needs to finish. So commits wait only briefly for the lock, and the pipeline
  // keeps the batch (acks withheld) and retries with backoff instead.
  raw.pragma('busy_timeout = 50');
  const store = new SqliteTelemetryStore(raw, { now, consentTtlMs: config.mqtt.consentRefreshMs });
  const rules = o.prisma ? new RulesEngine({ prisma: o.prisma, telemetry: store, now, log, thresholds: config.rules, rawDays: config.telemetryRawDays }) : null;
  let bridge: MqttBridge | undefined;
  const pipeline = new IngestPipeline({
    store,
    prefix: config.mqtt.prefix,
    now,
    metrics: o.metrics,
    onError: (err, attempt) => log.warn('telemetry_commit_retry', { attempt, code: (err as { code?: string }).code, message: err.message }),
    onCommitted(result, batch) {
      for (const ack of result.acks.values()) bridge?.acks.update(ack.deviceId, { bootId: ack.bootId, seq: ack.seq });
      const after = () => {
        rules?.touch(result.touched);
        o.onCommitted?.(result, batch);
      };
      const online = batch.statuses.filter((s) => s.online && s.bootId);
      if (!online.length) return after();
      // Only batches with a chair coming online wait here; the pipeline starts no commit meanwhile,
      // so each watermark read is this commit's and the ack never runs ahead of what is stored.
      return sendOnlineAcks(online).then(after);
    },
  });

  async function sendOnlineAcks(online: Batch['statuses']) {
    // The coalescer reads the database's watermark itself (the highest any bridge has committed).
    for (const s of online) await bridge?.acks.now(s.deviceId, { bootId: s.bootId!, seq: -1 });
  }

  let broker: EmbeddedBroker | null = null;
  let brokerOptions: EmbeddedBrokerOptions | undefined;
  let url = config.mqtt.url;
  let password = config.mqtt.password;
  if (!url) {
    // A fresh embedded broker has no clients yet: whatever the last run saw online is offline now.
    await store.markAllOffline();
    password = randomBytes(24).toString('base64url');
    const secretOf = raw.prepare('SELECT mqttSecretHash AS hash FROM "Device" WHERE id = ?');
    // Refused connections are throttled and counted in the same window as refused sign-ins.
    const refusalWindowMs = config.loginWindowMinutes * 60_000;
    brokerOptions = {
      port: config.mqtt.port,
      prefix: config.mqtt.prefix,
      bridge: { username: config.mqtt.username, password },
      verifyDevice: (deviceId, secret) => verifyDeviceSecret(secret, (secretOf.get(deviceId) as { hash: string | null } | undefined)?.hash),
      onRefusal: ({ beforeSignIn, ...r }) => pipeline.reject({ ...r, receivedAt: now(), preview: null, ...(beforeSignIn ? { countWindowMs: refusalWindowMs } : {}) }),
      throttle: new ConnectThrottle({ maxFailures: config.mqtt.authMaxFailures, windowMs: refusalWindowMs }),
      acceptingChairs: () => bridge?.subscribed ?? false,
    };
    broker = await startEmbeddedBroker(brokerOptions);
    url = `mqtt://127.0.0.1:${broker.port}`;
  }

  // Beside an external broker several bridges may run: each needs its own stable id.
  const claimed: ClaimedClientId | null = config.mqtt.clientId || broker ? null : await claimBridgeClientId(config.dataDir);
  const clientId = config.mqtt.clientId ?? claimed?.clientId ?? 'atensi-bridge-1';
  bridge = startMqttBridge({
    url,
    username: config.mqtt.username,
    password: password!,
    clientId,
    prefix: config.mqtt.prefix,
    sharedGroup: broker ? null : config.mqtt.sharedGroup,
    protocolVersion: broker ? 4 : 5,
    pipeline,
    store,
    ackIntervalMs: config.mqtt.ackIntervalMs,
    onError: (err) => log.warn('mqtt_bridge_error', { message: err.message }),
  });
  await bridge.ready;
  rules?.start();
  const retention = startRetentionJob({ pruner: new SqliteRawPruner(raw), rawDays: config.telemetryRawDays, now, log });
  log.info('telemetry_ready', { broker: broker ? `embedded:${broker.port}` : 'external' });

  const service: TelemetryService = {
    brokerUrl: broker ? `mqtt://localhost:${broker.port}` : url,
    clientId,
    broker,
    bridge: bridge,
    pipeline,
    store,
    rules,
    retention,
    async restartBroker() {
      if (!broker || !brokerOptions) throw new Error('restartBroker: no embedded broker (MQTT_URL names an external one)');
      const port = broker.port;
      await broker.close();
      broker = await startEmbeddedBroker({ ...brokerOptions, port });
      service.broker = broker;
    },
    async close() {
      await retention.stop();
      await bridge!.close();
      await rules?.stop();
      await broker?.close();
      claimed?.release();
    },
  };
  return service;
}
