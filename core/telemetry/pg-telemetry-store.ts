// The PostgreSQL telemetry store: ingest, chair, fleet and rules reads on one `pg` pool behind the
// TelemetryStore interface (asynchronous), plus retention by dropping whole day partitions.
import type { Pool } from 'pg';
import { createPgChairReads, type PgChairReads } from './pg-chair-reads.ts';
import { createPgFleetReads, type PgFleetReads } from './pg-fleet-reads.ts';
import { PgIngest, type PgTelemetryStoreOptions } from './pg-ingest.ts';
import { PgRawPruner } from './pg-retention.ts';
import { createPgRulesReads, type PgRulesReads } from './pg-rules-reads.ts';
import type { RawPruner } from './retention.ts';
import type { Batch, CommitResult, TelemetryStore } from './telemetry-store.ts';

export type { PgTelemetryStoreOptions };

export class PgTelemetryStore implements TelemetryStore {
  private readonly ingest: PgIngest;
  private readonly chairs: PgChairReads;
  private readonly fleet: PgFleetReads;
  private readonly rules: PgRulesReads;

  constructor(
    private readonly pool: Pool,
    options: PgTelemetryStoreOptions = {},
  ) {
    this.ingest = new PgIngest(pool, options);
    this.chairs = createPgChairReads(pool);
    this.fleet = createPgFleetReads(pool);
    this.rules = createPgRulesReads(pool, this.chairs.capacitySeries);
  }

  commit(batch: Batch): Promise<CommitResult> {
    return this.ingest.commit(batch);
  }

  knowsDevice(deviceId: string) {
    return this.ingest.knowsDevice(deviceId);
  }

  knownDevices(deviceIds: Iterable<string>) {
    return this.ingest.knownDevices(deviceIds);
  }

  watermark(deviceId: string, bootId: string) {
    return this.ingest.watermark(deviceId, bootId);
  }

  markAllOffline() {
    return this.ingest.markAllOffline();
  }

  /** Creates the partitions for the days from `ts` to `days` later (a timer calls it ahead of need). */
  preparePartitions(ts: number, days: number) {
    return this.ingest.partitions.ensureFor([ts], days);
  }

  /** Retention: drops the day partitions of raw samples taken wholly before `ts`; returns those days. */
  dropRawBefore(ts: number) {
    return this.ingest.partitions.dropBefore(ts);
  }

  /** The retention job's pruner (core/telemetry/retention-job.ts): drops day partitions. */
  rawPruner(): RawPruner {
    return new PgRawPruner(this.pool, this.ingest.partitions);
  }

  chairState: PgChairReads['chairState'] = (deviceId) => this.chairs.chairState(deviceId);
  rawSeries: PgChairReads['rawSeries'] = (key, from, to, maxPoints) => this.chairs.rawSeries(key, from, to, maxPoints);
  aggregateSeries: PgChairReads['aggregateSeries'] = (key, from, to, bucket) => this.chairs.aggregateSeries(key, from, to, bucket);
  sampleSpan: PgChairReads['sampleSpan'] = (key, from, to) => this.chairs.sampleSpan(key, from, to);
  capacitySeries: PgChairReads['capacitySeries'] = (key, from) => this.chairs.capacitySeries(key, from);
  rejectedMessages: PgChairReads['rejectedMessages'] = (deviceId, limit, offset) => this.chairs.rejectedMessages(deviceId, limit, offset);

  fleetList: PgFleetReads['fleetList'] = (scope, filter) => this.fleet.fleetList(scope, filter);
  fleetRow: PgFleetReads['fleetRow'] = (id, hideClinicalAlerts, now) => this.fleet.fleetRow(id, hideClinicalAlerts, now);
  fleetVersion: PgFleetReads['fleetVersion'] = () => this.fleet.fleetVersion();
  fleetChangesSince: PgFleetReads['fleetChangesSince'] = (version) => this.fleet.fleetChangesSince(version);
  locateDevice: PgFleetReads['locateDevice'] = (id) => this.fleet.locateDevice(id);

  rulesTelemetry: PgRulesReads['rulesTelemetry'] = (deviceId, q) => this.rules.rulesTelemetry(deviceId, q);
  dischargeSince: PgRulesReads['dischargeSince'] = (key, head, cursor) => this.rules.dischargeSince(key, head, cursor);
  dischargeAfter: PgRulesReads['dischargeAfter'] = (key, head, from) => this.rules.dischargeAfter(key, head, from);

  async close(): Promise<void> {
    // The pool belongs to the caller.
  }
}
