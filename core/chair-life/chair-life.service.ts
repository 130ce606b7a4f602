// The one service a chair's life goes through: every step is checked against the transition table
// (schemas/chair-life.ts `chairMoves`), applied with a compare-and-set on the status, written as a
// DeviceEvent (who, when, why) and, outside the pathway, audited, all in the caller's transaction.
import type { Prisma } from '@prisma/client';
import { chairMoves, type ChairStep, type DeviceEventKind } from '../../schemas/chair-life.ts';
import type { DeviceStatus } from '../../schemas/devices.ts';
import { type AuditWriter, MoveRefused, type Tx } from '../maintenance/lifecycle.ts';

export { MoveRefused } from '../maintenance/lifecycle.ts';

export interface ChairLifecycle {
  tx: Tx;
  now: Date;
  /** Who acts (null: the system). */
  actorId: string | null;
  /**
   * Records the step's audit row in `tx`. Absent for the pathway's steps (reserve, issue), which the
   * request's own transition audits.
   */
  audit?: AuditWriter;
}

/** The chair as a step needs it. */
export interface ChairRef {
  id: string;
  status: string;
  centreId: string;
  beneficiaryId: string | null;
}

export interface ChairMove {
  step: ChairStep;
  /** Fields the step sets besides the status (beneficiary, centre, battery date, retirement). */
  data?: Prisma.DeviceUncheckedUpdateManyInput;
  /** Whose time with the chair the step belongs to; by default the chair's user before the step. */
  beneficiaryId?: string | null;
  /** The centre the step happened at; by default the chair's centre before the step. */
  centreId?: string;
  reason?: string | null;
  /** Ids, codes and notes for the history (and ids and codes for the audit row). */
  details?: Record<string, unknown>;
  /** When the step happened, if not now (a battery fitted yesterday). */
  at?: Date;
}

export interface ChairMoved {
  from: DeviceStatus;
  to: DeviceStatus;
  eventId: string;
}

/** The status a step leads to from `from`; refused (409 at the API) when the table has no such move. */
export function checkChairMove(step: ChairStep, from: string): DeviceStatus {
  const move = chairMoves[step];
  if (!(move.from as readonly string[]).includes(from)) throw new MoveRefused(`cannot ${step} a chair that is ${from.replace('_', ' ')}`);
  return move.to ?? (from as DeviceStatus);
}

export interface ChairEvent {
  deviceId: string;
  kind: DeviceEventKind;
  beneficiaryId: string | null;
  centreId: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
  at?: Date;
}

/** Writes one step into the chair's history. */
export async function recordChairEvent(l: Pick<ChairLifecycle, 'tx' | 'now' | 'actorId'>, e: ChairEvent): Promise<string> {
  const row = await l.tx.deviceEvent.create({
    data: {
      deviceId: e.deviceId, kind: e.kind, at: e.at ?? l.now, actorId: l.actorId, beneficiaryId: e.beneficiaryId, centreId: e.centreId,
      reason: e.reason ?? null, details: e.details && Object.keys(e.details).length ? JSON.stringify(e.details) : null,
    },
    select: { id: true },
  });
  return row.id;
}

/** One step of a chair's life: the status check, the change, the history entry and the audit row. */
export async function moveChair(l: ChairLifecycle, chair: ChairRef, m: ChairMove): Promise<ChairMoved> {
  const from = chair.status as DeviceStatus;
  const to = checkChairMove(m.step, from);
  // A concurrent step on the same chair makes this one a conflict.
  const done = await l.tx.device.updateMany({ where: { id: chair.id, status: from }, data: { ...m.data, status: to } });
  if (done.count !== 1) throw new MoveRefused('this chair changed meanwhile; reload it');
  const details = { ...(from !== to ? { from, to } : {}), ...m.details };
  const eventId = await recordChairEvent(l, {
    deviceId: chair.id,
    kind: chairMoves[m.step].event,
    beneficiaryId: m.beneficiaryId === undefined ? chair.beneficiaryId : m.beneficiaryId,
    centreId: m.centreId ?? chair.centreId,
    reason: m.reason,
    details,
    at: m.at,
  });
  await l.audit?.record(
    { action: `device.${m.step}`, actorId: l.actorId, entityType: 'Device', entityId: chair.id, centreId: chair.centreId, details: auditDetails(details) },
    l.tx,
  );
  return { from, to, eventId };
}

/** Notes are people's words: the audit keeps ids and codes only. */
function auditDetails(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([k, v]) => k !== 'note' && k !== 'notes' && v !== undefined));
}
