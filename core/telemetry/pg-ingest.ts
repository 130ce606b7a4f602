// The PostgreSQL store's ingest: one transaction per batch on a `pg` pool. Sequence state is the
// database's, read under a row lock on each of the batch's chairs, so two bridges committing the
// same chair take turns and never both store a seq; only immutable keys are cached in memory.
import type { Pool, PoolClient } from 'pg';
import { REFUSAL_RETENTION_MS } from '../../schemas/refusals.ts';
import { consentSqlParams } from '../consent/consent-rule.ts';
import { HourlyAggregator, type HourlyRow } from './hourly.ts';
import { RawPartitions } from './pg-partitions.ts';
import { columns, pgSql } from './pg-statements.ts';
import { RefusalCounts } from './refusal-counts.ts';
import { advanceSequence, type BootSequence, seenInSequence } from './sequence.ts';
import type { SqliteTelemetryStoreOptions } from './sqlite-ingest.ts';
import type { AcceptedSample, Batch, CommitResult } from './telemetry-store.ts';

/** The same options as the SQLite store's (gap limit, registry and consent cache times, clock). */
export type PgTelemetryStoreOptions = SqliteTelemetryStoreOptions;

const HOUR_MS = 3_600_000;
/** PostgreSQL's check violation, which is what an insert gets when no partition takes its row. */
const NO_PARTITION = '23514';
const scale = (v: number | undefined, f: number) => (v === undefined ? null : Math.round(v * f));
const clampDelta = (d: number) => Math.max(-2_000_000_000, Math.min(2_000_000_000, d));

export class PgIngest {
  private readonly chairKeys = new Map<string, number>();
  private readonly bootKeys = new Map<string, number>();
  private readonly registry = new Map<string, { known: boolean; at: number }>();
  private readonly consent = new Map<string, { allowed: boolean; at: number }>();
  private readonly gapLimit: number;
  private readonly unknownTtlMs: number;
  private readonly consentTtlMs: number;
  private readonly now: () => number;
  private prunedAt = 0;
  readonly partitions: RawPartitions;

  constructor(private readonly pool: Pool, options: PgTelemetryStoreOptions = {}) {
    this.gapLimit = options.gapLimit ?? 512;
    this.unknownTtlMs = options.unknownTtlMs ?? 5000;
    this.consentTtlMs = options.consentTtlMs ?? 5000;
    this.now = options.now ?? Date.now;
    this.partitions = new RawPartitions(pool);
  }

  async knownDevices(deviceIds: Iterable<string>): Promise<Set<string>> {
    const now = this.now();
    const known = new Set<string>();
    const ask: string[] = [];
    for (const id of new Set(deviceIds)) {
      const c = this.registry.get(id);
      if (c && (c.known || now - c.at < this.unknownTtlMs)) {
        if (c.known) known.add(id);
      } else ask.push(id);
    }
    if (ask.length) {
      const { rows } = await this.pool.query<{ id: string }>(pgSql.deviceRegistered, [ask]);
      const found = new Set(rows.map((r) => r.id));
      for (const id of ask) {
        this.registry.set(id, { known: found.has(id), at: now });
        if (found.has(id)) known.add(id);
      }
    }
    return known;
  }

  async knowsDevice(deviceId: string): Promise<boolean> {
    return (await this.knownDevices([deviceId])).has(deviceId);
  }

  async markAllOffline(): Promise<void> {
    await this.pool.query(pgSql.markAllOffline);
  }

  async watermark(deviceId: string, bootId: string): Promise<number> {
    const { rows } = await this.pool.query<{ watermark: string }>(pgSql.watermark, [deviceId, bootId]);
    return rows[0] ? Number(rows[0].watermark) : -1;
  }

  /** The chairs among these that may not report now (no active telemetry consent of their user). */
  private async refusedIn(deviceIds: Iterable<string>): Promise<Set<string>> {
    const now = this.now();
    const refused = new Set<string>();
    const ask: string[] = [];
    for (const id of new Set(deviceIds)) {
      const c = this.consent.get(id);
      if (c && now - c.at < this.consentTtlMs) {
        if (!c.allowed) refused.add(id);
      } else ask.push(id);
    }
    if (ask.length) {
      const p = consentSqlParams('telemetry', new Date(now));
      const { rows } = await this.pool.query<{ id: string; allowed: boolean }>(pgSql.telemetryAllowed, [ask, p.consentPurpose, p.adultBornBy]);
      const allowed = new Set(rows.filter((r) => r.allowed).map((r) => r.id));
      for (const id of ask) {
        this.consent.set(id, { allowed: allowed.has(id), at: now });
        if (!allowed.has(id)) refused.add(id);
      }
    }
    return refused;
  }

  /** Creates (outside the batch transaction: harmless if it fails) and caches chair and boot rows. */
  private async keys(batch: Batch): Promise<void> {
    const devices = new Set<string>([...batch.samples.map((s) => s.deviceId), ...batch.statuses.map((s) => s.deviceId)]);
    for (const r of batch.rejections) if (r.deviceId && r.slot) devices.add(r.deviceId);
    const newChairs = [...devices].filter((d) => !this.chairKeys.has(d));
    if (newChairs.length) {
      await this.pool.query(pgSql.ensureChairs, [newChairs]);
      const { rows } = await this.pool.query<{ key: number; deviceId: string }>(pgSql.chairKeys, [newChairs]);
      for (const r of rows) this.chairKeys.set(r.deviceId, r.key);
    }
    const boots = new Map<string, [number, string]>();
    const slots = [...batch.samples.map((s) => [s.deviceId, s.sample.bootId] as const)];
    for (const r of batch.rejections) if (r.deviceId && r.slot) slots.push([r.deviceId, r.slot.bootId]);
    for (const [deviceId, bootId] of slots) {
      const k = this.chairKeys.get(deviceId)!;
      if (!this.bootKeys.has(`${k}:${bootId}`)) boots.set(`${k}:${bootId}`, [k, bootId]);
    }
    if (boots.size) {
      const [ks, ids] = columns([...boots.values()], 2);
      await this.pool.query(pgSql.ensureBoots, [ks, ids, this.now()]);
      const { rows } = await this.pool.query<{ key: number; deviceKey: number; bootId: string }>(pgSql.bootKeys, [ks, ids]);
      for (const r of rows) this.bootKeys.set(`${r.deviceKey}:${r.bootId}`, r.key);
    }
  }

  async commit(batch: Batch): Promise<CommitResult> {
    try {
      return await this.commitOnce(batch);
    } catch (err) {
      if ((err as { code?: string }).code !== NO_PARTITION) throw err;
      // Another process dropped a day partition this one had made or seen (retention): forget the
      // partitions it knows and try once more, which creates the day again.
      this.partitions.forget();
      return this.commitOnce(batch);
    }
  }

  private async commitOnce(batch: Batch): Promise<CommitResult> {
    await this.keys(batch);
    await this.partitions.ensureFor(batch.samples.map((s) => s.sample.ts));
    const withheldChairs = await this.refusedIn([...batch.samples, ...batch.statuses].map((m) => m.deviceId));
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await this.write(client, batch, withheldChairs);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  private async write(client: PoolClient, batch: Batch, withheldChairs: Set<string>): Promise<CommitResult> {
    const chairKey = (deviceId: string) => this.chairKeys.get(deviceId)!;
    const bootKey = (deviceId: string, bootId: string) => this.bootKeys.get(`${chairKey(deviceId)}:${bootId}`)!;
    const touchedKeys = new Set<number>();
    for (const s of batch.samples) touchedKeys.add(chairKey(s.deviceId));
    for (const r of batch.rejections) if (r.deviceId && r.slot) touchedKeys.add(chairKey(r.deviceId));
    // Every chair row the batch writes (statuses and refusal counts too) is locked here, in key order,
    // before the first write takes fleet_clock's lock (fleet_change triggers): no deadlock between bridges.
    const alsoWritten = [...batch.statuses.map((st) => st.deviceId), ...batch.rejections.flatMap((r) => (r.deviceId ? [r.deviceId] : []))];
    const locked = await client.query<{ key: number; lastTs: string | null; lastRawId: string | null }>(pgSql.lockChairs, [[...touchedKeys], alsoWritten]);
    const chairs = new Map(locked.rows.map((r) => [r.key, { lastTs: r.lastTs === null ? null : Number(r.lastTs), lastRawId: r.lastRawId === null ? null : Number(r.lastRawId) }]));
    const bootKeys = new Set<number>([...batch.samples.map((s) => bootKey(s.deviceId, s.sample.bootId))]);
    for (const r of batch.rejections) if (r.deviceId && r.slot) bootKeys.add(bootKey(r.deviceId, r.slot.bootId));
    const bootRows = await client.query<{ key: number; watermark: string; above: string }>(pgSql.boots, [[...bootKeys]]);
    const boots = new Map<number, BootSequence>(bootRows.rows.map((r) => [r.key, { watermark: Number(r.watermark), above: new Set(JSON.parse(r.above) as number[]) }]));

    const acks = new Map<string, { deviceId: string; bootId: string; seq: number }>();
    const counts = new Map<string, [number, number, number, number]>();
    const count = (deviceId: string) => {
      let c = counts.get(deviceId);
      if (!c) counts.set(deviceId, (c = [0, 0, 0, 0]));
      return c;
    };
    const slot = (deviceId: string, bootId: string) => {
      const ackKey = `${deviceId}\u0000${bootId}`;
      acks.delete(ackKey); // re-inserted last: the most recently seen boot ends up last
      acks.set(ackKey, { deviceId, bootId, seq: -1 });
      return boots.get(bootKey(deviceId, bootId))!;
    };
    let duplicates = 0;
    let withheld = 0;
    const fresh: AcceptedSample[] = [];
    for (const s of batch.samples) {
      const boot = slot(s.deviceId, s.sample.bootId);
      if (seenInSequence(boot, s.sample.seq)) {
        duplicates++;
        count(s.deviceId)[1]++;
        continue;
      }
      advanceSequence(boot, s.sample.seq, this.gapLimit);
      if (withheldChairs.has(s.deviceId)) {
        withheld++;
        count(s.deviceId)[3]++;
        continue;
      }
      fresh.push(s);
      count(s.deviceId)[0]++;
    }

    const latest = await this.insertRaw(client, fresh, chairKey, bootKey, chairs);
    for (const [deviceId, { s }] of latest) {
      const key = chairKey(deviceId);
      const chair = chairs.get(key)!;
      if (chair.lastTs === null || s.sample.ts >= chair.lastTs) {
        const t = s.sample;
        const b = t.battery;
        // The head is the chair's newest stored row (the last inserted), whatever its sample time.
        await client.query(pgSql.writeLatest, [t.ts, s.receivedAt, chair.lastRawId, b.socPct, b.voltageV, b.currentA, b.tempC, b.charging, b.cycleCount ?? null,
          b.fullChargeAh ?? null, t.usage.odometerM, t.usage.motorSeconds, t.usage.seatTiltDeg ?? null, t.faults ? JSON.stringify(t.faults) : null, t.bootId, key]);
      } else {
        // An old sample resent late: the state stays, but the head (newest stored row) moves.
        await client.query(pgSql.setHead, [chair.lastRawId, key]);
      }
    }

    const plain: unknown[][] = [];
    const counted = new RefusalCounts();
    for (const r of batch.rejections) {
      if (r.deviceId && r.slot) {
        const boot = slot(r.deviceId, r.slot.bootId);
        if (seenInSequence(boot, r.slot.seq)) {
          duplicates++;
          count(r.deviceId)[1]++;
          continue;
        }
        advanceSequence(boot, r.slot.seq, this.gapLimit);
      }
      if (r.deviceId) count(r.deviceId)[2]++;
      const preview = r.deviceId && withheldChairs.has(r.deviceId) ? null : r.preview;
      if (r.countWindowMs) counted.add(r, r.countWindowMs);
      else plain.push([r.receivedAt, r.deviceId, r.clientId, r.topic.slice(0, 300), r.reason, r.detail.slice(0, 500), r.size, preview]);
    }
    if (plain.length) await client.query(pgSql.insertRejected, columns(plain, 8));
    const countedRows: unknown[][] = [];
    counted.flush({ run: (...row) => countedRows.push(row) });
    for (const row of countedRows) await client.query(pgSql.countRejected, row);
    if (countedRows.length && this.now() - this.prunedAt > HOUR_MS) {
      this.prunedAt = this.now();
      await client.query(pgSql.pruneCounted, [this.now() - REFUSAL_RETENTION_MS]);
    }
    if (counts.size) await client.query(pgSql.addCounts, columns([...counts].map(([id, c]) => [id, ...c]), 5));
    if (boots.size) {
      const rows = [...boots].map(([k, b]) => [k, b.watermark, JSON.stringify([...b.above])]);
      await client.query(pgSql.saveBoots, [...columns(rows, 3), this.now()]);
    }
    for (const st of batch.statuses) {
      // Online, offline and firmware are when the person uses the chair: not kept without consent.
      if (withheldChairs.has(st.deviceId)) continue;
      await client.query(pgSql.setStatus, [st.online, st.at, st.fw ?? null, st.bootId ?? null, st.deviceId]);
    }
    for (const ack of acks.values()) ack.seq = boots.get(bootKey(ack.deviceId, ack.bootId))!.watermark;
    const touched = new Set<string>([...latest.keys(), ...batch.statuses.map((s) => s.deviceId).filter((id) => !withheldChairs.has(id))]);
    return { stored: fresh.length, duplicates, withheld, acks, touched };
  }

  /** One multi-row insert of the new samples (ids taken first, in order), and their hourly rollups. */
  private async insertRaw(
    client: PoolClient,
    fresh: AcceptedSample[],
    chairKey: (deviceId: string) => number,
    bootKey: (deviceId: string, bootId: string) => number,
    chairs: Map<number, { lastTs: number | null; lastRawId: number | null }>,
  ): Promise<Map<string, { s: AcceptedSample; rawId: number }>> {
    const latest = new Map<string, { s: AcceptedSample; rawId: number }>();
    if (!fresh.length) return latest;
    const ids = (await client.query<{ id: string }>(pgSql.nextIds, [fresh.length])).rows.map((r) => Number(r.id));
    const hourly = new HourlyAggregator();
    const rows = fresh.map((s, i) => {
      const t = s.sample;
      const b = t.battery;
      const key = chairKey(s.deviceId);
      const rawId = ids[i]!;
      hourly.add(key, rawId, t);
      chairs.get(key)!.lastRawId = rawId;
      const prev = latest.get(s.deviceId);
      if (!prev || t.ts >= prev.s.sample.ts) latest.set(s.deviceId, { s, rawId });
      return [rawId, t.ts, key, bootKey(s.deviceId, t.bootId), t.seq, clampDelta(s.receivedAt - t.ts), b.cycleCount ?? null, scale(b.fullChargeAh, 100),
        t.usage.odometerM, t.usage.motorSeconds, Math.round(b.socPct * 10), Math.round(b.voltageV * 100), Math.round(b.currentA * 100),
        Math.round(b.tempC * 10), scale(t.usage.seatTiltDeg, 10), b.charging, t.faults && t.faults.length ? JSON.stringify(t.faults) : null];
    });
    await client.query(pgSql.insertRaw, columns(rows, 17));
    const rollups: HourlyRow[] = [];
    hourly.flush({ run: (row) => rollups.push(row) });
    await client.query(pgSql.upsertHourly, columns(rollups.map((a) => [a.deviceKey, a.hour, a.n, a.firstId, a.lastId, a.tsFirst, a.tsLast, a.socMin, a.socMax,
      a.socLast, a.voltMin, a.tempMax, a.ampMin, a.chargingN, a.odoFirst, a.odoLast, a.motorFirst, a.motorLast, a.ahLast, a.cyclesLast]), 20));
    return latest;
  }
}
