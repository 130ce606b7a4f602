// "Who is affected?" for a personal-data breach (UU PDP 27/2022 art. 46): every beneficiary whose
// data was read or exported in a time window (optionally by one account, or in one centre), from
// the audit log, with the contact details needed to notify them or their guardians within 3×24 hours.
import { toCsv } from '../lib/csv.ts';
import type { Db } from '../../../core/db/client.ts';
import { ageInYears } from '../beneficiaries/beneficiaries.service.ts';

/** Audit actions that disclose a beneficiary's data to the person who did them. */
export const DISCLOSING_ACTIONS = ['beneficiary.list', 'beneficiary.read', 'beneficiary.export', 'request.read', 'report.read', 'report.photo.read'] as const;

/** The ids of the people a list page showed (`beneficiary.list` keeps them in its details). */
function listedIds(details: string | null): string[] {
  try {
    const ids = (JSON.parse(details ?? '{}') as { ids?: unknown }).ids;
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export interface BreachQuery {
  from: Date;
  to: Date;
  centreId?: string;
  actorId?: string;
}

export interface Guardian {
  name: string;
  relationship: string;
  email: string;
  phone: string | null;
}

export interface AffectedPerson {
  beneficiaryId: string;
  /** present: contact details below; anonymised: no longer identifiable; erased: deleted since. */
  status: 'present' | 'anonymised' | 'erased';
  fullName: string | null;
  child: boolean | null;
  centreCode: string | null;
  centreName: string | null;
  phone: string | null;
  address: string | null;
  city: string | null;
  guardians: Guardian[];
  accesses: number;
  firstAccessAt: string;
  lastAccessAt: string;
  actions: string[];
  actorIds: string[];
}

const BATCH = 2000;

/** Reads the window's disclosing audit entries in batches (progress through `onProgress`) and joins them to people. */
export async function findAffected(db: Db, q: BreachQuery, now: Date, onProgress: (msg: string) => void = () => {}): Promise<AffectedPerson[]> {
  const where = {
    at: { gte: q.from, lte: q.to },
    action: { in: [...DISCLOSING_ACTIONS] },
    // An admin's list pages span centres and carry no centre: they are sorted out per person below.
    ...(q.centreId ? { OR: [{ centreId: q.centreId }, { centreId: null, action: 'beneficiary.list' }] } : {}),
    ...(q.actorId ? { actorId: q.actorId } : {}),
  };
  type Hit = { entityType: string | null; entityId: string | null; action: string; actorId: string | null; at: Date; centreId: string | null };
  const hits: Hit[] = [];
  let entries = 0;
  let cursor: string | undefined;
  for (;;) {
    const page = await db.auditLog.findMany({
      where,
      orderBy: { id: 'asc' },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, entityType: true, entityId: true, action: true, actorId: true, at: true, centreId: true, details: true },
    });
    entries += page.length;
    // A list page becomes one hit per person it showed.
    for (const { details, ...h } of page) {
      if (h.action === 'beneficiary.list') hits.push(...listedIds(details).map((entityId) => ({ ...h, entityId })));
      else hits.push(h);
    }
    if (page.length > 0) onProgress(`read ${entries} audit entries (${hits.length} accesses to a person's data)`);
    if (page.length < BATCH) break;
    cursor = page.at(-1)!.id;
  }

  // Requests and reports are mapped to their beneficiary.
  const idsOf = (type: string) => [...new Set(hits.filter((h) => h.entityType === type && h.entityId).map((h) => h.entityId!))];
  const [requests, reports] = await Promise.all([
    db.deviceRequest.findMany({ where: { id: { in: idsOf('DeviceRequest') } }, select: { id: true, beneficiaryId: true } }),
    db.issueReport.findMany({ where: { id: { in: idsOf('IssueReport') } }, select: { id: true, beneficiaryId: true } }),
  ]);
  const owner = new Map<string, string>([...requests, ...reports].map((r) => [r.id, r.beneficiaryId]));
  const byPerson = new Map<string, Hit[]>();
  let unmapped = 0;
  for (const h of hits) {
    const id = h.entityType === 'Beneficiary' ? h.entityId : h.entityId ? owner.get(h.entityId) : undefined;
    if (!id) {
      unmapped += 1;
      continue;
    }
    const list = byPerson.get(id);
    if (list) list.push(h);
    else byPerson.set(id, [h]);
  }
  if (unmapped) onProgress(`${unmapped} entries about requests or reports deleted since (their beneficiary is unknown)`);
  onProgress(`${byPerson.size} beneficiaries affected; looking up contact details`);

  const people = await db.beneficiary.findMany({
    where: { id: { in: [...byPerson.keys()] } },
    include: {
      centre: { select: { code: true, name: true } },
      familyLinks: { orderBy: { createdAt: 'asc' }, include: { user: { select: { name: true, email: true, phone: true, disabled: true } } } },
    },
  });
  const found = new Map(people.map((p) => [p.id, p]));
  const out: AffectedPerson[] = [];
  for (const [id, all] of byPerson) {
    // With a centre asked for, a centre-less (admin) list page counts only for that centre's people.
    const inCentre = found.get(id)?.centreId === q.centreId;
    const list = q.centreId ? all.filter((h) => h.centreId !== null || inCentre) : all;
    if (list.length === 0) continue;
    const times = list.map((h) => h.at.getTime());
    const access = {
      accesses: list.length,
      firstAccessAt: new Date(Math.min(...times)).toISOString(),
      lastAccessAt: new Date(Math.max(...times)).toISOString(),
      actions: [...new Set(list.map((h) => h.action))].sort(),
      actorIds: [...new Set(list.map((h) => h.actorId).filter((x): x is string => !!x))].sort(),
    };
    const p = found.get(id);
    if (!p) {
      out.push({ beneficiaryId: id, status: 'erased', fullName: null, child: null, centreCode: null, centreName: null, phone: null, address: null, city: null, guardians: [], ...access });
      continue;
    }
    out.push({
      beneficiaryId: id,
      status: p.anonymisedAt ? 'anonymised' : 'present',
      fullName: p.fullName,
      child: ageInYears(p.birthDate, now) < 18,
      centreCode: p.centre.code,
      centreName: p.centre.name,
      phone: p.phone,
      address: p.address || null,
      city: p.city,
      guardians: p.familyLinks.filter((l) => !l.user.disabled).map((l) => ({ name: l.user.name, relationship: l.relationship, email: l.user.email, phone: l.user.phone })),
      ...access,
    });
  }
  return out.sort((a, b) => (a.centreCode ?? '~').localeCompare(b.centreCode ?? '~') || (a.fullName ?? '~').localeCompare(b.fullName ?? '~') || a.beneficiaryId.localeCompare(b.beneficiaryId));
}

const columns: [string, (p: AffectedPerson) => string | number | null][] = [
  ['beneficiaryId', (p) => p.beneficiaryId],
  ['status', (p) => p.status],
  ['fullName', (p) => p.fullName],
  ['child', (p) => (p.child === null ? null : p.child ? 'yes' : 'no')],
  ['centreCode', (p) => p.centreCode],
  ['centreName', (p) => p.centreName],
  ['phone', (p) => p.phone],
  ['address', (p) => p.address],
  ['city', (p) => p.city],
  ['guardians', (p) => p.guardians.map((g) => `${g.name} (${g.relationship}) <${g.email}>${g.phone ? ` ${g.phone}` : ''}`).join('; ') || null],
  ['accesses', (p) => p.accesses],
  ['firstAccessAt', (p) => p.firstAccessAt],
  ['lastAccessAt', (p) => p.lastAccessAt],
  ['actions', (p) => p.actions.join(' ')],
  ['actorIds', (p) => p.actorIds.join(' ')],
];

export function affectedCsv(people: AffectedPerson[]): string {
  // Printed to stdout for piping: no byte-order mark.
  return toCsv([columns.map(([name]) => name), ...people.map((p) => columns.map(([, v]) => v(p)))]);
}
