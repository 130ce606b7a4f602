// Runs the maintenance rules for chairs whose telemetry changed (debounced) and for every chair on
// a slower sweep (time-based rules: silence, service intervals, low use). What a change of state
// does to work orders and alerts is the maintenance service's (core/maintenance/), steered by the
// rule's outcome data. State is persisted. With several bridges on one database the sweep runs once
// per period (a job lease) and each rule's state row is written with a compare-and-set, so two
// engines judging one chair at once give one alert and one work order. docs/maintenance-rules.md.
import type { PrismaClient } from '@prisma/client';
import { setTimeout as sleep } from 'node:timers/promises';
import { isUniqueViolation, isWriteConflict } from '../../../core/db/client.ts';
import { leaseHolder, releaseLease, runOncePerPeriod } from '../../../core/jobs/job-lease.ts';
import { createAuditService } from '../../../core/audit/audit.service.ts';
import { createLogger, type Logger } from '../../../core/log/logger.ts';
import type { AuditWriter } from '../../../core/maintenance/maintenance.service.ts';
import { applyRuleOutcome } from '../../../core/maintenance/rule-outcome.ts';
import { remindLoans } from '../../../core/chair-life/loan-reminders.ts';
import { applyEpisodes } from './discharge-apply.ts';
import type { RulesTelemetryReader } from '../../../core/telemetry/rules-reads.ts';
import { advance, type DischargeTrack, emptyTrack, replay, replayStart } from './discharge.ts';
import { rawHorizon, RETENTION } from '../../../core/telemetry/retention.ts';
import { defaultThresholds, isFresh, type Outcome, type RuleState, rules, type Thresholds } from './rules.ts';
import { type ChairRegistryInfo, createSnapshotLoader } from './snapshot.ts';

export interface RulesEngineOptions {
  prisma: PrismaClient;
  /** The telemetry store (its reads for the rules). */
  telemetry: RulesTelemetryReader;
  now?: () => number;
  thresholds?: Partial<Thresholds>;
  log?: Logger;
  debounceMs?: number;
  sweepMs?: number;
  /** Where the rules' work-order changes are audited (as `system`); by default the audit log of `prisma`. */
  audit?: AuditWriter;
  /** This instance's name in the sweep's job lease (JobLease); by default one made from the pid. */
  holder?: string;
  /** TELEMETRY_RAW_DAYS: a replay of deep-discharge episodes never reaches back past the raw horizon. */
  rawDays?: number;
}

export interface EvaluationSummary {
  evaluated: number;
  /** Chairs given up after another engine kept writing their state first (evaluated there). */
  yielded: number;
  raised: { deviceId: string; rule: string }[];
  cleared: { deviceId: string; rule: string }[];
}

const DAY = 86_400_000;
const MINUTE = 60_000;
/** How far back a chair the rules have never looked at is read. */
const FIRST_LOOK_MS = 2 * DAY;
/** How long deep-discharge episodes are kept (charging habits looks back 30 days). */
const KEEP_EPISODES_MS = 90 * DAY;
/** The job lease of the sweep (time-based rules and loan reminders). */
export const SWEEP_JOB = 'rules.sweep';
/** How often a chair is judged again when another engine wrote its state in between. */
const CONFLICT_RETRIES = 3;

/** A rule's state before and after, and the version of the stored row read (none: no row yet). */
interface StateChange {
  prev: RuleState;
  next: RuleState;
  version: number | undefined;
}

/** Another engine wrote this chair's rule state after it was read: judge the chair again on fresh reads. */
class StaleRuleState extends Error {}

export class RulesEngine {
  /** The base thresholds (defaults and the deployment's); each chair's model may set its own over them. */
  private readonly t: Thresholds;
  private readonly now: () => number;
  private readonly load: ReturnType<typeof createSnapshotLoader>;
  private readonly series: RulesTelemetryReader;
  private readonly touched = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private readonly audit: AuditWriter;
  /** The rule whose state keeps the discharge track (its data, not its name, says which). */
  private readonly trackRule = rules.find((r) => r.keepsDischargeTrack)?.key;
  private readonly holder: string;

  constructor(private readonly o: RulesEngineOptions) {
    this.t = { ...defaultThresholds, ...o.thresholds };
    this.now = o.now ?? Date.now;
    const audit = o.audit ?? createAuditService(o.prisma, { now: () => new Date(this.now()) }, o.log ?? createLogger('silent'));
    // The rules act as the system: no person, no request.
    this.audit = { record: (entry, tx) => audit.record({ ...entry, actorRole: 'system' }, tx) };
    this.load = createSnapshotLoader(o.prisma, o.telemetry);
    this.series = o.telemetry;
    this.holder = o.holder ?? leaseHolder('rules');
  }

  /** Chairs whose state changed; evaluated together after a short delay. */
  touch(deviceIds: Iterable<string>) {
    for (const id of deviceIds) this.touched.add(id);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const ids = [...this.touched];
      this.touched.clear();
      this.enqueue(() => this.evaluate(ids));
    }, this.o.debounceMs ?? 2000);
  }

  start() {
    // The sweep also sends the loan reminders: a time-based job like silence and service intervals.
    this.sweepTimer = setInterval(() => this.enqueue(() => this.sweep()), this.sweepMs);
    this.sweepTimer.unref();
    void this.enqueue(() => this.sweep());
  }

  private get sweepMs() {
    return this.o.sweepMs ?? 15 * 60_000;
  }

  /** One sweep, when this engine wins the period's lease; whether it ran. */
  async sweep(): Promise<boolean> {
    const lease = { db: this.o.prisma, name: SWEEP_JOB, holder: this.holder, periodMs: this.sweepMs, now: () => new Date(this.now()) };
    const done = await runOncePerPeriod(lease, async () => {
      await this.evaluateAll();
      await this.remindLoans();
    });
    return done.ran;
  }

  async stop() {
    clearTimeout(this.timer);
    clearInterval(this.sweepTimer);
    await this.running;
    // A clean stop hands the sweep to whichever instance's timer fires next.
    if (this.sweepTimer) await releaseLease(this.o.prisma, SWEEP_JOB, this.holder).catch(() => undefined);
  }

  private enqueue(job: () => Promise<unknown>) {
    this.running = this.running.then(job).catch((err: Error) => this.o.log?.error('rules_failed', { message: err.message }));
    return this.running;
  }

  /** Waits for queued evaluations (tests). */
  idle() {
    return this.running;
  }

  /** Reminds families and staff of loans due soon or overdue (core/chair-life/loan-reminders.ts). */
  remindLoans() {
    return remindLoans(this.o.prisma, new Date(this.now()));
  }

  async evaluateAll(): Promise<EvaluationSummary> {
    const ids = await this.o.prisma.device.findMany({ where: { mqttSecretHash: { not: null }, status: { in: ['in_use', 'in_repair'] } }, select: { id: true } });
    return this.evaluate(ids.map((d) => d.id));
  }

  async evaluate(deviceIds: string[], summary: EvaluationSummary = { evaluated: 0, yielded: 0, raised: [], cleared: [] }, round = 0): Promise<EvaluationSummary> {
    if (!deviceIds.length) return summary;
    const again: string[] = [];
    const now = this.now();
    const chairs = await this.load(deviceIds, now, this.t);
    const stored = await this.o.prisma.ruleState.findMany({ where: { deviceId: { in: chairs.map((c) => c.snapshot.deviceId) } } });
    const prevOf = new Map(stored.map((r) => [`${r.deviceId}:${r.rule}`, { active: r.active, since: r.since?.getTime() ?? null, data: JSON.parse(r.data) as Record<string, unknown> }]));
    const versionOf = new Map(stored.map((r) => [`${r.deviceId}:${r.rule}`, r.version]));
    for (const chair of chairs) {
      try {
        await this.judge(chair, prevOf, versionOf, now, summary);
        summary.evaluated++;
      } catch (err) {
        if (!(err instanceof StaleRuleState) && !isWriteConflict(err)) throw err;
        // Another engine (bridge) judged this chair meanwhile; what it wrote is read again below.
        if (round < CONFLICT_RETRIES) again.push(chair.snapshot.deviceId);
        else summary.yielded++;
      }
    }
    // A short random pause first, so two engines that collided do not collide again in step.
    if (again.length) await sleep(Math.round(Math.random() * 50 * (round + 1)));
    return this.evaluate(again, summary, round + 1);
  }

  /** Every rule on one chair, each rule's change in its own transaction with its state row. */
  private async judge(chair: ChairRegistryInfo, prevOf: Map<string, RuleState>, versionOf: Map<string, number>, now: number, summary: EvaluationSummary) {
    const states = new Map<string, RuleState>();
    const { t } = chair;
    const fresh = isFresh(chair.snapshot, t);
    const dd = this.trackRule ? prevOf.get(`${chair.snapshot.deviceId}:${this.trackRule}`) : undefined;
    chair.snapshot.discharge = await this.track(chair, dd?.data, now);
    for (const rule of rules) {
      const key = `${chair.snapshot.deviceId}:${rule.key}`;
      const prev = prevOf.get(key) ?? { active: false, since: null, data: {} };
      // A rule of the present changes nothing while the newest sample tells only the past.
      const { next, outcome } = rule.present && !fresh ? { next: prev, outcome: {} } : rule.evaluate(chair.snapshot, prev, { now, t, states });
      if (rule.keepsDischargeTrack) next.data = { ...next.data, cursor: chair.snapshot.state?.rawId ?? dd?.data.cursor ?? null };
      states.set(rule.key, next);
      await this.apply(chair, rule.key, { prev, next, version: versionOf.get(key) }, outcome, now, summary);
    }
  }

  /**
   * Brings the chair's deep-discharge episodes up to its stored samples: new rows in order are fed
   * on; rows older than what was already judged (a backlog, a resend) replay the stretch they fall in.
   */
  private async track(chair: ChairRegistryInfo, data: Record<string, unknown> | undefined, now: number): Promise<DischargeTrack> {
    let track = (data?.track as DischargeTrack | undefined) ?? emptyTrack();
    const cursor = (data?.cursor as number | null | undefined) ?? null;
    const head = chair.snapshot.state?.rawId ?? null;
    const key = chair.deviceKey;
    if (head !== null && key !== null && head !== cursor) {
      if (cursor === null) track = advance(emptyTrack(), await this.series.dischargeAfter(key, head, now - FIRST_LOOK_MS), chair.t);
      else {
        const fresh = await this.series.dischargeSince(key, head, cursor);
        const oldest = fresh[0]?.ts;
        if (oldest !== undefined && track.lastTs !== null && oldest < track.lastTs) {
          // Raw samples before the horizon are gone (retention): episodes that began before it stay
          // as judged, and the replay starts no earlier than the horizon.
          const start = Math.max(replayStart(track, oldest, chair.t.quietMinutes), rawHorizon(now, this.o.rawDays ?? RETENTION.rawDays));
          track = replay(track, start, await this.series.dischargeAfter(key, head, start), chair.t);
        } else track = advance(track, fresh, chair.t);
      }
    }
    return { ...track, episodes: track.episodes.filter((e) => e.end === null || e.end > now - KEEP_EPISODES_MS) };
  }

  private async apply(chair: ChairRegistryInfo, rule: string, s: StateChange, outcome: Outcome, now: number, summary: EvaluationSummary) {
    const { prev, next, version } = s;
    const deviceId = chair.snapshot.deviceId;
    const ids = { deviceId, centreId: chair.centreId, beneficiaryId: chair.beneficiaryId };
    const fx = await this.o.prisma.$transaction(async (tx) => {
      // Compare-and-set first: another engine that wrote since the read makes this one a StaleRuleState
      // (and nothing below happens). Being a write, it also takes SQLite's write lock, waiting its busy
      // timeout, before anything is read (a read first would make a later write fail at once), and
      // PostgreSQL's row lock, so two engines on one chair and rule take turns.
      if (version === undefined) {
        await tx.ruleState.create({ data: { deviceId, rule, version: 1 } }).catch((err: unknown) => {
          throw isUniqueViolation(err) ? new StaleRuleState() : err;
        });
      } else {
        const claimed = await tx.ruleState.updateMany({ where: { deviceId, rule, version }, data: { version: version + 1 } });
        if (claimed.count !== 1) throw new StaleRuleState();
      }
      const l = { tx, audit: this.audit, now: new Date(now) };
      const fx =
        outcome.alert?.follows === 'episode'
          ? await applyEpisodes(l, { ...ids, socPct: chair.snapshot.state?.socPct }, rule, prev, next, outcome, chair.t)
          : await applyRuleOutcome(l, { chair: ids, rule, was: prev.active, is: next.active, outcome, quietMs: chair.t.quietMinutes * MINUTE });
      // Saved last: the episode bookkeeping above adds to the state (alerted, notified, records).
      const state = { active: next.active, since: next.since ? new Date(next.since) : null, data: JSON.stringify(next.data) };
      await tx.ruleState.update({ where: { deviceId_rule: { deviceId, rule } }, data: state });
      return fx;
    });
    if (fx.raised) summary.raised.push({ deviceId, rule });
    if (fx.cleared) summary.cleared.push({ deviceId, rule });
  }
}
