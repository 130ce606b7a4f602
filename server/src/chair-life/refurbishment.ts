// A returned chair's refurbishment: the checklist the technician ticks on its work order, and how
// the work order's end moves the chair (in_stock: every item done; retired: with a reason), through
// the chair's one lifecycle, in the work order's own transaction.
import type { z } from 'zod';
import { ChecklistEntry, type ChecklistTicks } from '../../../schemas/chair-life.ts';
import type { WorkOrderAction } from '../../../schemas/work-orders.ts';
import { type ChairLifecycle, moveChair } from '../../../core/chair-life/chair-life.service.ts';
import { conflict, invalid } from '../lib/errors.ts';

type Resolve = Extract<WorkOrderAction, { action: 'resolve' }>;
interface RefurbWorkOrder {
  id: string;
  kind: string;
  deviceId: string | null;
  checklist: string | null;
}

/** The stored checklist; entries that do not read as one are left out rather than failing the page. */
export function readChecklist(json: string | null): ChecklistEntry[] {
  if (!json) return [];
  try {
    const parsed = ChecklistEntry.array().safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

const notRefurbishment = (path: string) =>
  invalid('only a refurbishment work order has a checklist and an outcome', [{ path: [path], message: 'not a refurbishment', code: 'custom' }]);

/** The checklist with the technician's ticks applied; an item the chair's checklist lacks is a 422. */
export function tickChecklist(w: RefurbWorkOrder, ticks: z.infer<typeof ChecklistTicks>): ChecklistEntry[] {
  if (w.kind !== 'refurbishment') throw notRefurbishment('items');
  const list = readChecklist(w.checklist);
  ticks.forEach((t, i) => {
    const entry = list.find((e) => e.item === t.item);
    if (!entry) throw invalid(`${t.item} is not on this chair's checklist`, [{ path: ['items', i, 'item'], message: 'not on this checklist', code: 'custom' }]);
    entry.done = t.done;
    if (t.note !== undefined) entry.note = t.note;
  });
  return list;
}

/** A refurbishment ends with an outcome: back to stock only once every item is done; retiring says why. */
export function checkRefurbishmentEnd(w: RefurbWorkOrder, action: Resolve) {
  if (w.kind !== 'refurbishment') {
    if (action.outcome || action.retireReason) throw notRefurbishment(action.outcome ? 'outcome' : 'retireReason');
    return;
  }
  if (!action.outcome) throw invalid('say how the refurbishment ended', [{ path: ['outcome'], message: 'required for a refurbishment', code: 'custom' }]);
  if (action.outcome === 'retired' && !action.retireReason) {
    throw invalid('say why the chair is retired', [{ path: ['retireReason'], message: 'required with outcome retired', code: 'custom' }]);
  }
  if (action.outcome === 'in_stock') {
    const open = readChecklist(w.checklist).filter((e) => !e.done).map((e) => e.item);
    if (open.length) throw conflict(`tick every checklist item before the chair goes back to stock (open: ${open.join(', ')})`);
  }
}

/** Moves the chair as the refurbishment's outcome says; the chair must still be refurbishing (409 otherwise). */
export async function finishRefurbishment(l: ChairLifecycle, w: RefurbWorkOrder, action: Resolve) {
  if (!w.deviceId) return;
  const chair = await l.tx.device.findUniqueOrThrow({ where: { id: w.deviceId }, select: { id: true, status: true, centreId: true, beneficiaryId: true } });
  if (action.outcome === 'in_stock') {
    await moveChair(l, chair, { step: 'refurbished', details: { workOrderId: w.id } });
  } else {
    await moveChair(l, chair, {
      step: 'retire', data: { retiredAt: l.now, retiredReason: action.retireReason }, reason: action.retireReason ?? null, details: { workOrderId: w.id },
    });
  }
}
