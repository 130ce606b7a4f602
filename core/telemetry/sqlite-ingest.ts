// The SQLite store's ingest: one transaction per batch through prepared statements on the
// better-sqlite3 connection. Dedupe uses per-chair, per-boot sequence state (a watermark plus the
// few seqs stored above it) instead of a unique index, which costs ~8x insert throughput here
// (docs/benchmarks.md). The database is the authority: several bridges may commit the same chair,
// so each batch reads its chairs' sequence state and chain head inside its own write transaction
// (BEGIN IMMEDIATE: SQLite serialises writers), never from a copy another bridge has made stale.
import type Database from 'better-sqlite3';
import type { Synchronous } from './synchronous.ts';
import type { AcceptedSample, Batch, CommitResult, TelemetryIngest } from './telemetry-store.ts';
import { HourlyAggregator } from './hourly.ts';
import { TelemetryConsentCache } from './consent-cache.ts';
import { RefusalCounts } from './refusal-counts.ts';
import { REFUSAL_RETENTION_MS } from '../../schemas/refusals.ts';
import type { Statements } from './statements.ts';
import { advanceSequence, type BootSequence } from './sequence.ts';

interface ChairMem {
  key: number;
  lastRawId: number | null;
  lastTs: number | null;
}

type ChairHead = Omit<ChairMem, 'key'>;

type BootMem = BootSequence;

export interface SqliteTelemetryStoreOptions {
  /** When more seqs than this wait above a gap, the gap is declared lost (the chair's ring buffer overflowed). */
  gapLimit?: number;
  /** How long an unknown device id is remembered as unknown before the registry is asked again. */
  unknownTtlMs?: number;
  /** How long a chair's telemetry-consent state is trusted before the database is asked again. */
  consentTtlMs?: number;
  now?: () => number;
}

const HOUR_MS = 3_600_000;
const scale = (v: number | undefined, f: number) => (v === undefined ? null : Math.round(v * f));

export class SqliteIngest implements Omit<Synchronous<TelemetryIngest>, 'knownDevices'> {
  /** Chair keys only (they never change); the rest of a chair's state is read in each transaction. */
  private readonly chairs = new Map<string, number>();
  private readonly registry = new Map<string, { known: boolean; at: number }>();
  private readonly consent: TelemetryConsentCache;
  private readonly gapLimit: number;
  private readonly unknownTtlMs: number;
  private readonly now: () => number;
  private prunedAt = 0;
  private readonly chairHead: Database.Statement;

  constructor(private readonly db: Database.Database, private readonly st: Statements, options: SqliteTelemetryStoreOptions = {}) {
    this.gapLimit = options.gapLimit ?? 512;
    this.unknownTtlMs = options.unknownTtlMs ?? 5000;
    this.now = options.now ?? Date.now;
    this.consent = new TelemetryConsentCache(this.st.telemetryAllowed, this.now, options.consentTtlMs ?? 5000);
    this.chairHead = db.prepare('SELECT lastRawId, lastTs FROM chair_state WHERE key = ?');
    for (const row of this.st.allChairs.all() as { key: number; deviceId: string }[]) this.chairs.set(row.deviceId, row.key);
  }

  knowsDevice(deviceId: string): boolean {
    const cached = this.registry.get(deviceId);
    const now = this.now();
    if (cached && (cached.known || now - cached.at < this.unknownTtlMs)) return cached.known;
    const known = this.st.deviceRegistered.get(deviceId) !== undefined;
    this.registry.set(deviceId, { known, at: now });
    return known;
  }

  markAllOffline() {
    this.st.markAllOffline.run();
  }

  /** The committed watermark, read from the database: another bridge may have moved it. */
  watermark(deviceId: string, bootId: string): number {
    const key = this.chairs.get(deviceId) ?? (this.st.chairKey.get(deviceId) as { key: number } | undefined)?.key;
    return key === undefined ? -1 : this.boot(key, bootId).watermark;
  }

  private chair(deviceId: string): number {
    let key = this.chairs.get(deviceId);
    if (key === undefined) {
      // Creating the row outside the batch transaction is harmless if the batch later fails.
      this.st.ensureChair.run(deviceId);
      key = (this.st.chairKey.get(deviceId) as { key: number }).key;
      this.chairs.set(deviceId, key);
    }
    return key;
  }

  private boot(chairKey: number, bootId: string): BootMem {
    const row = this.st.selectBoot.get(chairKey, bootId) as { watermark: number; above: string } | undefined;
    return row ? { watermark: row.watermark, above: new Set(JSON.parse(row.above) as number[]) } : { watermark: -1, above: new Set() };
  }

  commit(batch: Batch): CommitResult {
    // Registry rows first, outside the batch transaction: creating them is harmless if it fails.
    for (const s of batch.samples) this.bootRowKey(this.chair(s.deviceId), s.sample.bootId);
    for (const s of batch.statuses) this.chair(s.deviceId);
    for (const r of batch.rejections) if (r.deviceId && r.slot) this.chair(r.deviceId);

    // Chairs whose user has not consented to telemetry: their samples fill their sequence slots (so
    // the ack moves on and the chair stops resending) and are counted, but nothing else is kept.
    const withheldChairs = this.consent.refusedIn([...batch.samples, ...batch.statuses]);
    let withheld = 0;

    const stagedBoots = new Map<string, { chairKey: number; bootId: string; mem: BootMem }>();
    const stagedChairs = new Map<string, ChairMem>();
    const latest = new Map<string, { s: AcceptedSample; rawId: number }>();
    const counts = new Map<string, { stored: number; duplicates: number; rejected: number; withheld: number }>();
    const acks = new Map<string, { deviceId: string; bootId: string; seq: number }>();
    const hourly = new HourlyAggregator();
    const counted = new RefusalCounts();
    let stored = 0;
    let duplicates = 0;
    const count = (deviceId: string) => {
      let c = counts.get(deviceId);
      if (!c) counts.set(deviceId, (c = { stored: 0, duplicates: 0, rejected: 0, withheld: 0 }));
      return c;
    };

    // Runs inside the write transaction: what it reads no other bridge can change until COMMIT.
    const stage = (deviceId: string, bootId: string) => {
      let chair = stagedChairs.get(deviceId);
      if (!chair) {
        const key = this.chairs.get(deviceId)!;
        chair = { key, ...(this.chairHead.get(key) as ChairHead) };
        stagedChairs.set(deviceId, chair);
      }
      const bootKey = `${chair.key}:${bootId}`;
      let staged = stagedBoots.get(bootKey);
      if (!staged) {
        staged = { chairKey: chair.key, bootId, mem: this.boot(chair.key, bootId) };
        stagedBoots.set(bootKey, staged);
      }
      const ackKey = `${deviceId}\u0000${bootId}`;
      acks.delete(ackKey); // re-inserted last: the most recently seen boot ends up last
      acks.set(ackKey, { deviceId, bootId, seq: -1 });
      return { chair, staged };
    };

    const run = this.db.transaction(() => {
      for (const s of batch.samples) {
        const { chair, staged } = stage(s.deviceId, s.sample.bootId);
        const boot = staged.mem;
        const { seq } = s.sample;
        if (seq <= boot.watermark || boot.above.has(seq)) {
          duplicates++;
          count(s.deviceId).duplicates++;
          continue;
        }
        if (withheldChairs.has(s.deviceId)) {
          this.advance(boot, seq);
          withheld++;
          count(s.deviceId).withheld++;
          continue;
        }
        const rawId = this.insertRaw(chair, staged.chairKey, s);
        hourly.add(chair.key, rawId, s.sample);
        stored++;
        count(s.deviceId).stored++;
        const prev = latest.get(s.deviceId);
        if (!prev || s.sample.ts >= prev.s.sample.ts) latest.set(s.deviceId, { s, rawId });
        this.advance(boot, seq);
      }
      for (const [deviceId, { s }] of latest) {
        const chair = stagedChairs.get(deviceId)!;
        if (chair.lastTs === null || s.sample.ts >= chair.lastTs) {
          this.writeLatest(chair, s);
          chair.lastTs = s.sample.ts;
        } else {
          // An old sample resent late: the state stays, but the chain head must move.
          this.st.setHead.run(chair.lastRawId, chair.key);
        }
      }
      for (const r of batch.rejections) {
        if (r.deviceId && r.slot) {
          const boot = stage(r.deviceId, r.slot.bootId).staged.mem;
          if (r.slot.seq <= boot.watermark || boot.above.has(r.slot.seq)) {
            // The chair resent a slot already recorded (stored or rejected): once is enough.
            duplicates++;
            count(r.deviceId).duplicates++;
            continue;
          }
          this.advance(boot, r.slot.seq);
        }
        if (r.deviceId) count(r.deviceId).rejected++;
        // An invalid message's preview may hold readings: none for a chair without telemetry consent.
        const preview = r.deviceId && withheldChairs.has(r.deviceId) ? null : r.preview;
        if (r.countWindowMs) counted.add(r, r.countWindowMs);
        else this.st.insertRejected.run(r.receivedAt, r.deviceId, r.clientId, r.topic.slice(0, 300), r.reason, r.detail.slice(0, 500), r.size, preview);
      }
      counted.flush(this.st.countRejected);
      if (counted.size && this.now() - this.prunedAt > HOUR_MS) {
        this.prunedAt = this.now();
        this.st.pruneCounted.run(this.now() - REFUSAL_RETENTION_MS);
      }
      for (const [deviceId, c] of counts) this.st.addCounts.run(c.stored, c.duplicates, c.rejected, c.withheld, deviceId);
      for (const [, b] of stagedBoots) {
        this.st.upsertBoot.run(b.chairKey, b.bootId, b.mem.watermark, JSON.stringify([...b.mem.above]), this.now(), this.now());
      }
      for (const st of batch.statuses) {
        // Online, offline and firmware are when the person uses the chair: not kept without consent.
        if (withheldChairs.has(st.deviceId)) continue;
        this.st.setStatus.run(st.online ? 1 : 0, st.at, st.fw ?? null, st.bootId ?? null, st.deviceId);
      }
      hourly.flush(this.st.upsertHourly);
    });
    run.immediate();

    // Committed: the acks carry the watermarks this transaction read and moved.
    for (const ack of acks.values()) ack.seq = stagedBoots.get(`${this.chairs.get(ack.deviceId)!}:${ack.bootId}`)!.mem.watermark;
    const touched = new Set<string>([...latest.keys(), ...batch.statuses.map((s) => s.deviceId).filter((id) => !withheldChairs.has(id))]);
    return { stored, duplicates, withheld, acks, touched };
  }

  private insertRaw(chair: ChairMem, chairKey: number, s: AcceptedSample): number {
    const t = s.sample;
    const b = t.battery;
    const u = t.usage;
    const info = this.st.insertRaw.run(
      chairKey,
      this.bootRowKey(chairKey, t.bootId),
      t.seq,
      t.ts,
      Math.max(-2_000_000_000, Math.min(2_000_000_000, s.receivedAt - t.ts)),
      chair.lastRawId,
      Math.round(b.socPct * 10),
      Math.round(b.voltageV * 100),
      Math.round(b.currentA * 100),
      Math.round(b.tempC * 10),
      b.charging ? 1 : 0,
      b.cycleCount ?? null,
      scale(b.fullChargeAh, 100),
      u.odometerM,
      u.motorSeconds,
      scale(u.seatTiltDeg, 10),
      t.faults && t.faults.length ? JSON.stringify(t.faults) : null,
    );
    const id = Number(info.lastInsertRowid);
    chair.lastRawId = id;
    return id;
  }

  private readonly bootRowKeys = new Map<string, number>();
  private bootRowKey(chairKey: number, bootId: string): number {
    const id = `${chairKey}:${bootId}`;
    let key = this.bootRowKeys.get(id);
    if (key === undefined) {
      this.st.ensureBoot.run(chairKey, bootId, this.now(), this.now());
      key = (this.st.bootKey.get(chairKey, bootId) as { key: number }).key;
      this.bootRowKeys.set(id, key);
    }
    return key;
  }

  private writeLatest(chair: ChairMem, s: AcceptedSample) {
    const t = s.sample;
    this.st.writeLatest.run(
      t.ts,
      s.receivedAt,
      chair.lastRawId,
      t.battery.socPct,
      t.battery.voltageV,
      t.battery.currentA,
      t.battery.tempC,
      t.battery.charging ? 1 : 0,
      t.battery.cycleCount ?? null,
      t.battery.fullChargeAh ?? null,
      t.usage.odometerM,
      t.usage.motorSeconds,
      t.usage.seatTiltDeg ?? null,
      t.faults ? JSON.stringify(t.faults) : null,
      t.bootId,
      chair.key,
    );
  }

  private advance(boot: BootMem, seq: number) {
    advanceSequence(boot, seq, this.gapLimit);
  }
}
