// The fleet list (GET /api/devices) from the in-memory fleet cache: scope, filters, risk counts and
// order per request shape, kept until a chair changes or time alone changes a judgement; only the
// page asked for is turned into summaries.
import type { DeviceListQuery, Risk } from '../../../schemas/devices.ts';
import type { FleetReadModel, FleetRow } from '../../../core/telemetry/fleet-read-model.ts';
import type { HealthThresholds } from '../../../schemas/maintenance-rules.ts';
import { canSeeClinical } from '../access/policy.ts';
import type { Actor } from '../access/actor.ts';
import { riskRank } from './fleet-health.ts';
import { type CachedChair, type ChairView, fleetCacheFor, foldAscii } from './fleet-cache.ts';
import { type Health, isFamily, type RuleSettings, toSummary } from './devices.service.ts';

type SortKey = DeviceListQuery['sort'];
const defaultOrder: Record<SortKey, 'asc' | 'desc'> = { risk: 'desc', battery: 'asc', lastSeen: 'asc', serial: 'asc' };

export interface FleetEntry {
  d: FleetRow;
  health: Health | undefined;
  limits?: HealthThresholds;
  view?: ChairView;
}

const openAlertCount = (d: FleetRow) => (d.alerts.critical ?? 0) + (d.alerts.warning ?? 0) + (d.alerts.info ?? 0);
const bySerial = (a: FleetEntry, b: FleetEntry) => (a.d.serial < b.d.serial ? -1 : a.d.serial > b.d.serial ? 1 : 0);

/** Sorts in place; chairs without the sorted value (manual, never reported) always come last. */
export function sortFleet(entries: FleetEntry[], sort: SortKey, order = defaultOrder[sort]) {
  const dir = order === 'asc' ? 1 : -1;
  const electricState = (d: FleetRow) => (d.model.kind === 'electric' ? d.state : undefined);
  const key = (e: FleetEntry): number | null => {
    if (sort === 'risk') return e.health ? riskRank[e.health.risk] * 1000 + Math.min(999, openAlertCount(e.d)) : null;
    if (sort === 'battery') return electricState(e.d)?.socPct ?? null;
    return electricState(e.d)?.receivedAt ?? null;
  };
  entries.sort((a, b) => {
    if (sort === 'serial') return bySerial(a, b) * dir;
    const ka = key(a);
    const kb = key(b);
    if (ka === null && kb !== null) return 1;
    if (kb === null && ka !== null) return -1;
    if (ka !== null && kb !== null && ka !== kb) return (ka - kb) * dir;
    return bySerial(a, b);
  });
}

interface Scope {
  /** null: every centre. */
  centreId: string | null;
  beneficiaryIds?: ReadonlySet<string>;
}

function inScope(c: CachedChair, s: Scope, q: DeviceListQuery, searchNames: boolean, needle: string | undefined) {
  const d = c.d;
  if (s.centreId !== null && d.centreId !== s.centreId && d.transitToCentreId !== s.centreId) return false;
  if (s.beneficiaryIds && !(d.beneficiary && s.beneficiaryIds.has(d.beneficiary.id))) return false;
  if (q.status && d.status !== q.status) return false;
  if (q.kind && d.model.kind !== q.kind) return false;
  if (needle && !c.serialLower.includes(needle) && !(searchNames && c.nameLower?.includes(needle))) return false;
  return true;
}

interface Built {
  generation: number;
  /** Rebuild from this instant on (a judgement in it changes with time), or when time runs backwards. */
  until: number;
  at: number;
  entries: FleetEntry[];
  total: number;
  riskCounts?: Record<Risk, number>;
}

/** Lists built per request shape; a national programme has a few hundred shapes at most. */
const built = new WeakMap<object, Map<string, Built>>();
const MAX_SHAPES = 500;

/**
 * The fleet page: health is judged for every chair in scope (the risk filter, counts and order need
 * it), but the full view is built only for the chairs on the page asked for.
 */
export async function listFleet(store: FleetReadModel, actor: Actor, q: DeviceListQuery, now: Date, rules: RuleSettings) {
  const cache = fleetCacheFor(store, rules);
  await cache.refresh(now);
  const staff = !isFamily(actor);
  const hideClinical = !canSeeClinical(actor);
  const scope: Scope =
    actor.role === 'admin'
      ? { centreId: q.centreId ?? null }
      : actor.role === 'family'
        ? { centreId: q.centreId ?? null, beneficiaryIds: new Set(actor.beneficiaryIds) }
        : { centreId: actor.centreId ?? '__none__' };
  // Staff naming another centre get nothing, like any other filter that matches nothing.
  const elsewhere = actor.role !== 'admin' && actor.role !== 'family' && q.centreId !== undefined && q.centreId !== actor.centreId;
  const t = now.getTime();
  // Everything the list depends on, and nothing else: the cache of lists is per store, never per user.
  const shape = JSON.stringify([staff, hideClinical, elsewhere, scope.centreId, scope.beneficiaryIds ? [...scope.beneficiaryIds].sort() : null, q.status, q.kind, q.q, q.risk, q.sort, q.order]);
  let shapes = built.get(cache);
  if (!shapes) built.set(cache, (shapes = new Map()));
  let list = shapes.get(shape);
  if (!list || list.generation !== cache.generation || t >= list.until || t < list.at) {
    list = build(cache, scope, q, { staff, hideClinical, elsewhere, now: t });
    if (shapes.size >= MAX_SHAPES) shapes.clear();
    shapes.set(shape, list);
  }
  const items = list.entries.slice(q.offset, q.offset + q.limit).map((e) => {
    if (!e.view) return toSummary(e.d, actor, now, rules);
    // A staff summary does not depend on the reader or the instant beyond its judged view.
    return (e.view.staffSummary ??= toSummary(e.d, actor, now, rules, undefined, { health: e.view.health, limits: e.view.limits }));
  });
  return { items, total: list.total, ...(list.riskCounts ? { riskCounts: { ...list.riskCounts } } : {}) };
}

function build(
  cache: ReturnType<typeof fleetCacheFor>,
  scope: Scope,
  q: DeviceListQuery,
  o: { staff: boolean; hideClinical: boolean; elsewhere: boolean; now: number },
): Built {
  const generation = cache.generation;
  let until = Infinity;
  let entries: FleetEntry[] = [];
  const needle = q.q ? foldAscii(q.q) : undefined;
  if (!o.elsewhere) {
    for (const c of cache.chairs()) {
      if (!inScope(c, scope, q, o.staff, needle)) continue;
      if (!o.staff) {
        entries.push({ d: o.hideClinical ? c.hidden : c.d, health: undefined });
        continue;
      }
      const v = cache.view(c, o.hideClinical, o.now);
      if (v.until < until) until = v.until;
      entries.push({ d: v.d, health: v.health, limits: v.limits, view: v });
    }
  }
  let riskCounts: Record<Risk, number> | undefined;
  if (o.staff) {
    riskCounts = { ok: 0, low: 0, medium: 0, high: 0 };
    for (const e of entries) riskCounts[e.health!.risk] += 1;
    if (q.risk) entries = entries.filter((e) => e.health!.risk === q.risk);
  }
  sortFleet(entries, q.sort, q.order);
  return { generation, until, at: o.now, entries, total: entries.length, riskCounts };
}
