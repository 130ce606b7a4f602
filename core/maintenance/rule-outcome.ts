// What a rule's change of state does to the records, through the maintenance service: on raising,
// one open work order per chair and rule and an alert; on clearing, the alerts clear and, when the
// outcome says so, the work order too. What differs per rule comes from its outcome's data.
import { activeStatuses } from '../../schemas/work-orders.ts';
import { raiseAlert, recentlyCleared } from './alerts.ts';
import { clearAlerts, clearWorkOrder, openWorkOrder, refreshWorkOrder } from './maintenance.service.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { Outcome, RuleChair } from './outcome.ts';

export interface RuleChange {
  chair: RuleChair;
  rule: string;
  /** Active before and after this evaluation. */
  was: boolean;
  is: boolean;
  outcome: Outcome;
  /** A condition back within this time after clearing is the same episode: its alert reopens. */
  quietMs: number;
}

export interface RuleEffects {
  raised: boolean;
  cleared: boolean;
}

/** The rule's open work order on the chair, if any (open statuses: schemas/work-orders.ts). */
export function openRuleWorkOrder(l: Lifecycle, deviceId: string, rule: string) {
  return l.tx.workOrder.findFirst({ where: { deviceId, rule, status: { in: [...activeStatuses] } } });
}

export async function applyRuleOutcome(l: Lifecycle, c: RuleChange): Promise<RuleEffects> {
  const { chair, rule, outcome } = c;
  const open = await openRuleWorkOrder(l, chair.deviceId, rule);
  if (c.is && !c.was) {
    let workOrderId = open?.id ?? null;
    if (outcome.workOrder && !open) {
      const w = outcome.workOrder;
      ({ id: workOrderId } = await openWorkOrder(l, {
        centreId: chair.centreId, deviceId: chair.deviceId, rule, kind: w.kind, category: w.category, priority: w.priority, forecastAt: w.forecastAt, details: w.details,
      }));
    }
    if (outcome.alert) {
      const reopen = await recentlyCleared(l, chair.deviceId, rule, c.quietMs);
      await raiseAlert(l, { ...chair, kind: rule, severity: outcome.alert.severity, details: outcome.alert.details, workOrderId, reopen });
    }
    return { raised: true, cleared: false };
  }
  if (!c.is && c.was) {
    await clearAlerts(l, { deviceId: chair.deviceId, kind: rule });
    if (outcome.autoResolve && open) await clearWorkOrder(l, open);
    return { raised: false, cleared: true };
  }
  if (c.is && open && outcome.workOrder?.refresh) await refreshWorkOrder(l, open.id, outcome.workOrder);
  return { raised: false, cleared: false };
}
