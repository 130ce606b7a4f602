// The SQLite telemetry store: the ingest, chair, fleet and rules reads on one better-sqlite3
// connection, each a set of prepared statements, behind the one TelemetryStore interface.
import type Database from 'better-sqlite3';
import type { FleetReadModel } from './fleet-read-model.ts';
import type { RulesTelemetryReader } from './rules-reads.ts';
import { createSqliteChairReads } from './sqlite-chair-reads.ts';
import { createSqliteFleetReads } from './sqlite-fleet-reads.ts';
import { SqliteIngest, type SqliteTelemetryStoreOptions } from './sqlite-ingest.ts';
import { createSqliteRulesReads } from './sqlite-rules-reads.ts';
import { prepareStatements } from './statements.ts';
import type { Batch, CommitResult, TelemetryStore } from './telemetry-store.ts';
import type { TelemetryReader } from './telemetry-reader.ts';

export type { SqliteTelemetryStoreOptions };

export class SqliteTelemetryStore implements TelemetryStore {
  private readonly ingest: SqliteIngest;
  private readonly chairs: TelemetryReader;
  private readonly fleet: FleetReadModel;
  private readonly rules: RulesTelemetryReader;

  constructor(db: Database.Database, options: SqliteTelemetryStoreOptions = {}) {
    const st = prepareStatements(db);
    this.ingest = new SqliteIngest(db, st, options);
    this.chairs = createSqliteChairReads(db);
    this.fleet = createSqliteFleetReads(db);
    this.rules = createSqliteRulesReads(db, { telemetryAllowed: st.telemetryAllowed, capacitySeries: this.chairs.capacitySeries });
  }

  commit(batch: Batch): CommitResult {
    return this.ingest.commit(batch);
  }

  knowsDevice(deviceId: string) {
    return this.ingest.knowsDevice(deviceId);
  }

  watermark(deviceId: string, bootId: string) {
    return this.ingest.watermark(deviceId, bootId);
  }

  markAllOffline() {
    this.ingest.markAllOffline();
  }

  chairState: TelemetryReader['chairState'] = (deviceId) => this.chairs.chairState(deviceId);
  rawSeries: TelemetryReader['rawSeries'] = (key, from, to, maxPoints) => this.chairs.rawSeries(key, from, to, maxPoints);
  aggregateSeries: TelemetryReader['aggregateSeries'] = (key, from, to, bucket) => this.chairs.aggregateSeries(key, from, to, bucket);
  sampleSpan: TelemetryReader['sampleSpan'] = (key, from, to) => this.chairs.sampleSpan(key, from, to);
  capacitySeries: TelemetryReader['capacitySeries'] = (key, from) => this.chairs.capacitySeries(key, from);
  rejectedMessages: TelemetryReader['rejectedMessages'] = (deviceId, limit, offset) => this.chairs.rejectedMessages(deviceId, limit, offset);

  fleetList: FleetReadModel['fleetList'] = (scope, filter) => this.fleet.fleetList(scope, filter);
  fleetRow: FleetReadModel['fleetRow'] = (id, hideClinicalAlerts, now) => this.fleet.fleetRow(id, hideClinicalAlerts, now);
  locateDevice: FleetReadModel['locateDevice'] = (id) => this.fleet.locateDevice(id);

  rulesTelemetry: RulesTelemetryReader['rulesTelemetry'] = (deviceId, q) => this.rules.rulesTelemetry(deviceId, q);
  dischargeSince: RulesTelemetryReader['dischargeSince'] = (key, head, cursor) => this.rules.dischargeSince(key, head, cursor);
  dischargeAfter: RulesTelemetryReader['dischargeAfter'] = (key, head, from) => this.rules.dischargeAfter(key, head, from);

  close() {
    // The connection belongs to the caller.
  }
}
