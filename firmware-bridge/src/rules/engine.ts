// Runs the maintenance rules for chairs whose telemetry changed (debounced) and for every chair on
// a slower sweep (time-based rules: silence, service intervals, low use). What a change of state
// does to work orders and alerts is the maintenance service's (core/maintenance/), steered by the
// rule's outcome data. State is persisted. docs/maintenance-rules.md.
import type { PrismaClient } from '@prisma/client';
import { createAuditService } from '../../../core/audit/audit.service.ts';
import { createLogger, type Logger } from '../../../core/log/logger.ts';
import type { AuditWriter } from '../../../core/maintenance/maintenance.service.ts';
import { applyRuleOutcome } from '../../../core/maintenance/rule-outcome.ts';
import { remindLoans } from '../../../core/chair-life/loan-reminders.ts';
import { applyEpisodes } from './discharge-apply.ts';
import type { RulesTelemetryReader } from '../../../core/telemetry/rules-reads.ts';
import { advance, type DischargeTrack, emptyTrack, replay, replayStart } from './discharge.ts';
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
}

export interface EvaluationSummary {
  evaluated: number;
  raised: { deviceId: string; rule: string }[];
  cleared: { deviceId: string; rule: string }[];
}

const DAY = 86_400_000;
const MINUTE = 60_000;
/** How far back a chair the rules have never looked at is read. */
const FIRST_LOOK_MS = 2 * DAY;
/** How long deep-discharge episodes are kept (charging habits looks back 30 days). */
const KEEP_EPISODES_MS = 90 * DAY;

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

  constructor(private readonly o: RulesEngineOptions) {
    this.t = { ...defaultThresholds, ...o.thresholds };
    this.now = o.now ?? Date.now;
    const audit = o.audit ?? createAuditService(o.prisma, { now: () => new Date(this.now()) }, o.log ?? createLogger('silent'));
    // The rules act as the system: no person, no request.
    this.audit = { record: (entry, tx) => audit.record({ ...entry, actorRole: 'system' }, tx) };
    this.load = createSnapshotLoader(o.prisma, o.telemetry);
    this.series = o.telemetry;
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
    const sweep = () => this.enqueue(async () => {
      await this.evaluateAll();
      await this.remindLoans();
    });
    sweep();
    this.sweepTimer = setInterval(sweep, this.o.sweepMs ?? 15 * 60_000);
    this.sweepTimer.unref();
  }

  async stop() {
    clearTimeout(this.timer);
    clearInterval(this.sweepTimer);
    await this.running;
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

  async evaluate(deviceIds: string[]): Promise<EvaluationSummary> {
    const summary: EvaluationSummary = { evaluated: 0, raised: [], cleared: [] };
    if (!deviceIds.length) return summary;
    const now = this.now();
    const chairs = await this.load(deviceIds, now, this.t);
    const stored = await this.o.prisma.ruleState.findMany({ where: { deviceId: { in: chairs.map((c) => c.snapshot.deviceId) } } });
    const prevOf = new Map(stored.map((r) => [`${r.deviceId}:${r.rule}`, { active: r.active, since: r.since?.getTime() ?? null, data: JSON.parse(r.data) as Record<string, unknown> }]));
    for (const chair of chairs) {
      summary.evaluated++;
      const states = new Map<string, RuleState>();
      const { t } = chair;
      const fresh = isFresh(chair.snapshot, t);
      const dd = this.trackRule ? prevOf.get(`${chair.snapshot.deviceId}:${this.trackRule}`) : undefined;
      chair.snapshot.discharge = this.track(chair, dd?.data, now);
      for (const rule of rules) {
        const prev = prevOf.get(`${chair.snapshot.deviceId}:${rule.key}`) ?? { active: false, since: null, data: {} };
        // A rule of the present changes nothing while the newest sample tells only the past.
        const { next, outcome } = rule.present && !fresh ? { next: prev, outcome: {} } : rule.evaluate(chair.snapshot, prev, { now, t, states });
        if (rule.keepsDischargeTrack) next.data = { ...next.data, cursor: chair.snapshot.state?.rawId ?? dd?.data.cursor ?? null };
        states.set(rule.key, next);
        await this.apply(chair, rule.key, prev, next, outcome, now, summary);
      }
    }
    return summary;
  }

  /**
   * Brings the chair's deep-discharge episodes up to its stored samples: new rows in order are fed
   * on; rows older than what was already judged (a backlog, a resend) replay the stretch they fall in.
   */
  private track(chair: ChairRegistryInfo, data: Record<string, unknown> | undefined, now: number): DischargeTrack {
    let track = (data?.track as DischargeTrack | undefined) ?? emptyTrack();
    const cursor = (data?.cursor as number | null | undefined) ?? null;
    const head = chair.snapshot.state?.rawId ?? null;
    const key = chair.deviceKey;
    if (head !== null && key !== null && head !== cursor) {
      if (cursor === null) track = advance(emptyTrack(), this.series.dischargeAfter(key, head, now - FIRST_LOOK_MS), chair.t);
      else {
        const fresh = this.series.dischargeSince(key, head, cursor);
        const oldest = fresh[0]?.ts;
        if (oldest !== undefined && track.lastTs !== null && oldest < track.lastTs) {
          const start = replayStart(track, oldest, chair.t.quietMinutes);
          track = replay(track, start, this.series.dischargeAfter(key, head, start), chair.t);
        } else track = advance(track, fresh, chair.t);
      }
    }
    return { ...track, episodes: track.episodes.filter((e) => e.end === null || e.end > now - KEEP_EPISODES_MS) };
  }

  private async apply(chair: ChairRegistryInfo, rule: string, prev: RuleState, next: RuleState, outcome: Outcome, now: number, summary: EvaluationSummary) {
    const deviceId = chair.snapshot.deviceId;
    const ids = { deviceId, centreId: chair.centreId, beneficiaryId: chair.beneficiaryId };
    await this.o.prisma.$transaction(async (tx) => {
      const l = { tx, audit: this.audit, now: new Date(now) };
      const fx =
        outcome.alert?.follows === 'episode'
          ? await applyEpisodes(l, { ...ids, socPct: chair.snapshot.state?.socPct }, rule, prev, next, outcome, chair.t)
          : await applyRuleOutcome(l, { chair: ids, rule, was: prev.active, is: next.active, outcome, quietMs: chair.t.quietMinutes * MINUTE });
      if (fx.raised) summary.raised.push({ deviceId, rule });
      if (fx.cleared) summary.cleared.push({ deviceId, rule });
      // Saved last: the episode bookkeeping above adds to the state (alerted, notified, records).
      const state = { active: next.active, since: next.since ? new Date(next.since) : null, data: JSON.stringify(next.data) };
      await tx.ruleState.upsert({ where: { deviceId_rule: { deviceId, rule } }, create: { deviceId, rule, ...state }, update: state });
    });
  }
}
