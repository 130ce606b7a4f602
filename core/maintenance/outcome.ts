// What a maintenance rule asks for when it raises or clears: the data that makes one rule behave
// unlike another in the maintenance service (no rule is special-cased by its name).
import type { AlertSeverity, FaultCategory, WorkOrderKind, WorkOrderPriority } from '../../schemas/work-orders.ts';

export interface OutcomeWorkOrder {
  kind: WorkOrderKind;
  category?: FaultCategory;
  priority: WorkOrderPriority;
  forecastAt?: string | null;
  details: Record<string, unknown>;
  /** While the condition lasts, the open work order's forecast and details follow each evaluation (battery wear). */
  refresh?: boolean;
}

export interface OutcomeAlert {
  severity: AlertSeverity;
  details: Record<string, unknown>;
  /**
   * How a returning condition finds its alert again. Unset: an alert of the rule cleared within the
   * quiet period reopens. 'episode': the rule tracks its episodes itself (deep discharge), so the
   * bridge reopens by episode, notifies the family once per episode and writes past episodes as history.
   */
  follows?: 'episode';
}

export interface Outcome {
  workOrder?: OutcomeWorkOrder;
  alert?: OutcomeAlert;
  /** Close the rule's open work order when the condition clears by itself (the `clear` move). */
  autoResolve?: boolean;
}

/** The chair a rule judged, as the records it raises need it. */
export interface RuleChair {
  deviceId: string;
  centreId: string;
  beneficiaryId: string | null;
}
