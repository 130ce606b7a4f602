// The SQLite telemetry store: the ingest, chair, fleet and rules reads on one better-sqlite3
// connection, each a set of prepared statements, behind the one asynchronous TelemetryStore
// interface. Inside everything stays synchronous: a commit runs whole (transaction and memory)
// before its promise settles, so no other call can see it half done.
import type Database from 'better-sqlite3';
import type { FleetReadModel } from './fleet-read-model.ts';
import type { RulesTelemetryReader } from './rules-reads.ts';
import { createSqliteChairReads } from './sqlite-chair-reads.ts';
import { createSqliteFleetReads } from './sqlite-fleet-reads.ts';
import { SqliteIngest, type SqliteTelemetryStoreOptions } from './sqlite-ingest.ts';
import { createSqliteRulesReads } from './sqlite-rules-reads.ts';
import { prepareStatements } from './statements.ts';
import type { Synchronous } from './synchronous.ts';
import type { TelemetryStore } from './telemetry-store.ts';
import type { TelemetryReader } from './telemetry-reader.ts';

export type { SqliteTelemetryStoreOptions };

export class SqliteTelemetryStore implements TelemetryStore {
  private readonly ingest: SqliteIngest;
  private readonly chairs: Synchronous<TelemetryReader>;
  private readonly fleet: Synchronous<FleetReadModel>;
  private readonly rules: Synchronous<RulesTelemetryReader>;

  constructor(db: Database.Database, options: SqliteTelemetryStoreOptions = {}) {
    const st = prepareStatements(db);
    this.ingest = new SqliteIngest(db, st, options);
    this.chairs = createSqliteChairReads(db);
    this.fleet = createSqliteFleetReads(db);
    this.rules = createSqliteRulesReads(db, { telemetryAllowed: st.telemetryAllowed, capacitySeries: this.chairs.capacitySeries });
  }

  commit: TelemetryStore['commit'] = async (batch) => this.ingest.commit(batch);
  knowsDevice: TelemetryStore['knowsDevice'] = async (deviceId) => this.ingest.knowsDevice(deviceId);
  knownDevices: TelemetryStore['knownDevices'] = async (deviceIds) => {
    const known = new Set<string>();
    for (const id of deviceIds) if (this.ingest.knowsDevice(id)) known.add(id);
    return known;
  };
  watermark: TelemetryStore['watermark'] = async (deviceId, bootId) => this.ingest.watermark(deviceId, bootId);
  markAllOffline: TelemetryStore['markAllOffline'] = async () => this.ingest.markAllOffline();

  chairState: TelemetryReader['chairState'] = async (deviceId) => this.chairs.chairState(deviceId);
  rawSeries: TelemetryReader['rawSeries'] = async (key, from, to, maxPoints) => this.chairs.rawSeries(key, from, to, maxPoints);
  aggregateSeries: TelemetryReader['aggregateSeries'] = async (key, from, to, bucket) => this.chairs.aggregateSeries(key, from, to, bucket);
  sampleSpan: TelemetryReader['sampleSpan'] = async (key, from, to) => this.chairs.sampleSpan(key, from, to);
  capacitySeries: TelemetryReader['capacitySeries'] = async (key, from) => this.chairs.capacitySeries(key, from);
  rejectedMessages: TelemetryReader['rejectedMessages'] = async (deviceId, limit, offset) => this.chairs.rejectedMessages(deviceId, limit, offset);

  fleetList: FleetReadModel['fleetList'] = async (scope, filter) => this.fleet.fleetList(scope, filter);
  fleetRow: FleetReadModel['fleetRow'] = async (id, hideClinicalAlerts, now) => this.fleet.fleetRow(id, hideClinicalAlerts, now);
  locateDevice: FleetReadModel['locateDevice'] = async (id) => this.fleet.locateDevice(id);
  fleetVersion: FleetReadModel['fleetVersion'] = async () => this.fleet.fleetVersion();
  fleetChangesSince: FleetReadModel['fleetChangesSince'] = async (version) => this.fleet.fleetChangesSince(version);

  rulesTelemetry: RulesTelemetryReader['rulesTelemetry'] = async (deviceId, q) => this.rules.rulesTelemetry(deviceId, q);
  dischargeSince: RulesTelemetryReader['dischargeSince'] = async (key, head, cursor) => this.rules.dischargeSince(key, head, cursor);
  dischargeAfter: RulesTelemetryReader['dischargeAfter'] = async (key, head, from) => this.rules.dischargeAfter(key, head, from);

  async close() {
    // The connection belongs to the caller.
  }
}
