// The national fleet kept in memory per API process, each chair judged at most once per change: the
// fleet list reads it instead of joining and judging every chair per request. Engine-neutral: it
// reads through the store's FleetReadModel, and finds what changed with the store's fleet change
// log (stamped by database triggers in the writer's transaction, whichever process wrote).
import { adultBornBy } from '../../../core/consent/consent-rule.ts';
import type { FleetReadModel, FleetRow } from '../../../core/telemetry/fleet-read-model.ts';
import type { DeviceSummary } from '../../../schemas/devices.ts';
import type { HealthThresholds } from '../../../schemas/maintenance-rules.ts';
import type { AlertSeverity } from '../../../schemas/work-orders.ts';
import { assessHealth, healthChangesAt } from './fleet-health.ts';
import { type Health, healthInputOf, limitsOf, type RuleSettings } from './devices.service.ts';

/** A chair's row as one kind of reader sees it, judged (staff) until time alone changes the words. */
export interface ChairView {
  d: FleetRow;
  health: Health;
  limits: HealthThresholds;
  /** Re-judge from this instant on (silence grows); Infinity when only a change can alter it. */
  until: number;
  judgedAt: number;
  /** The staff summary, built once: it depends on nothing else (families' views depend on the person). */
  staffSummary?: DeviceSummary;
}

/** One chair of the cache: its row with every open alert, and the two views (clinical alerts shown or hidden). */
export interface CachedChair {
  d: FleetRow;
  /** The row with clinical alerts left out of the counts (the same object when it has none). */
  hidden: FleetRow;
  views: { all?: ChairView; hidden?: ChairView };
  /** Serial and beneficiary name with ASCII letters folded to lower case, for the search (SQL LIKE's rule). */
  serialLower: string;
  nameLower: string | null;
}

/** Lower-cases ASCII letters only, as SQLite's LIKE compares. */
export const foldAscii = (s: string) => s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));

function withoutClinical(d: FleetRow): FleetRow {
  const clinical = Object.entries(d.clinicalAlerts) as [AlertSeverity, number][];
  if (clinical.length === 0) return d;
  const alerts = { ...d.alerts };
  for (const [severity, n] of clinical) {
    const left = (alerts[severity] ?? 0) - n;
    if (left > 0) alerts[severity] = left;
    else delete alerts[severity];
  }
  return { ...d, alerts };
}

/** Past this many changed chairs, reading the whole fleet again is cheaper than by id. */
const RELOAD_ABOVE = 500;

export class FleetCache {
  private readonly byId = new Map<string, CachedChair>();
  private version = -1;
  private consentDay = '';
  /** Rises whenever a row changes: lists built on an older generation are rebuilt. */
  generation = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** Health limits by model thresholds (a handful of distinct models). */
  private readonly limits = new Map<string, HealthThresholds>();

  constructor(
    private readonly store: FleetReadModel,
    private readonly rules: RuleSettings,
  ) {}

  /**
   * Brings the cache up to every change committed before the call (each caller's refresh runs
   * after the ones before it, so a request always sees the writes that preceded it).
   */
  refresh(now: Date): Promise<void> {
    const run = this.queue.then(() => this.apply(now));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async apply(now: Date) {
    // Whose consent counts turns on age: a new day can change any chair's row.
    const day = adultBornBy(now).toISOString().slice(0, 10);
    if (this.version < 0 || day !== this.consentDay) return this.reload(now, day);
    const changes = await this.store.fleetChangesSince(this.version);
    if (changes.deviceIds.length === 0) return;
    if (changes.deviceIds.length > RELOAD_ABOVE) return this.reload(now, day);
    const rows = await this.store.fleetList({ centreId: null, deviceIds: changes.deviceIds }, { hideClinicalAlerts: false, now });
    for (const id of changes.deviceIds) this.byId.delete(id);
    for (const d of rows) this.byId.set(d.id, this.entry(d));
    this.version = changes.version;
    this.generation += 1;
  }

  private async reload(now: Date, day: string) {
    // The version first: rows read after it reflect at least every change up to it.
    const version = await this.store.fleetVersion();
    const rows = await this.store.fleetList({ centreId: null }, { hideClinicalAlerts: false, now });
    this.byId.clear();
    for (const d of rows) this.byId.set(d.id, this.entry(d));
    this.version = version;
    this.consentDay = day;
    this.generation += 1;
  }

  private entry(d: FleetRow): CachedChair {
    return { d, hidden: withoutClinical(d), views: {}, serialLower: foldAscii(d.serial), nameLower: d.beneficiary ? foldAscii(d.beneficiary.name) : null };
  }

  chairs(): IterableIterator<CachedChair> {
    return this.byId.values();
  }

  /** The chair as a reader who may (or may not) see clinical alerts sees it, judged for `now`. */
  view(c: CachedChair, hideClinical: boolean, now: number): ChairView {
    const key = hideClinical ? 'hidden' : 'all';
    const cached = c.views[key];
    if (cached && now < cached.until && now >= cached.judgedAt) return cached;
    const d = hideClinical ? c.hidden : c.d;
    const limits = limitsOf(d, this.rules, this.limits);
    const input = healthInputOf(d, now, limits);
    return (c.views[key] = { d, health: assessHealth(input), limits, until: healthChangesAt(input), judgedAt: now });
  }
}

const caches = new WeakMap<FleetReadModel, FleetCache>();

/** The one cache of a store (an app has one store; tests make an app, and so a store, each). */
export function fleetCacheFor(store: FleetReadModel, rules: RuleSettings): FleetCache {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new FleetCache(store, rules)));
  return cache;
}
