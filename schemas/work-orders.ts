// Maintenance work: the work-order queue and its state machine, and the alerts the rules raise.
import { z } from 'zod';
import { ChecklistEntry, ChecklistTicks, RefurbOutcome, RetireReason } from './chair-life.ts';
import { Id, IsoDateTime, PageQuery, text } from './common.ts';

/** The maintenance rules (docs/maintenance-rules.md); a rule-made work order or alert carries its key. */
export const MaintenanceRule = z.enum([
  'deep_discharge',
  'charging_habits',
  'battery_wear',
  'over_temperature',
  'controller_fault',
  'preventive_service',
  'silent_chair',
  'low_use',
]);
export type MaintenanceRule = z.infer<typeof MaintenanceRule>;

export const WorkOrderKind = z.enum(['battery_replacement', 'repair', 'preventive_service', 'check_in', 'charging_training', 'follow_up', 'refurbishment']);
export type WorkOrderKind = z.infer<typeof WorkOrderKind>;
/** Kinds a therapist works (training and low-use follow-up); the rest is the workshop's. */
export const therapistKinds = ['charging_training', 'follow_up'] as const satisfies readonly WorkOrderKind[];

export const WorkOrderStatus = z.enum(['open', 'assigned', 'scheduled', 'in_progress', 'resolved', 'cancelled']);
export type WorkOrderStatus = z.infer<typeof WorkOrderStatus>;
/** The open (active) statuses: the one list the queue, the rules and the moves below all read. */
export const activeStatuses = ['open', 'assigned', 'scheduled', 'in_progress'] as const satisfies readonly WorkOrderStatus[];
export const isActiveStatus = (s: string) => (activeStatuses as readonly string[]).includes(s);

export const WorkOrderPriority = z.enum(['low', 'normal', 'high', 'urgent']);
export type WorkOrderPriority = z.infer<typeof WorkOrderPriority>;
/** Most urgent first: the queue's order. */
export const priorityOrder = ['urgent', 'high', 'normal', 'low'] as const satisfies readonly WorkOrderPriority[];

/**
 * The repair categories of a fault: the one list the rules write, the API accepts and returns, and
 * the web offers. `other` is an unknown or internal controller code.
 */
export const FaultCategory = z.enum(['motor', 'brake', 'joystick', 'battery_connection', 'charger', 'other']);
export type FaultCategory = z.infer<typeof FaultCategory>;

/**
 * Controller fault codes (PG Drives VR2/R-net style flash codes as chairs report them) and the repair
 * category a technician needs; any code not listed is `other`.
 */
export const faultCodeCategories: Readonly<Record<string, FaultCategory>> = {
  'VR2-1': 'battery_connection', // battery needs charging / bad connection
  'VR2-2': 'battery_connection', // low battery voltage
  'VR2-3': 'battery_connection', // high battery voltage
  'VR2-4': 'motor', // current limit time exceeded
  'VR2-5': 'brake', // left park brake
  'VR2-6': 'brake', // right park brake
  'VR2-7': 'joystick', // joystick displaced or speed pot
  'VR2-8': 'motor', // motor voltage / wiring
  'VR2-9': 'other', // other internal error
  'VR2-10': 'charger', // charger inhibit
};

/** The repair category of one controller fault code. */
export function faultCategory(code: string): FaultCategory {
  return faultCodeCategories[code.toUpperCase()] ?? 'other';
}
export const VisitLocation = z.enum(['centre', 'home']);
export type VisitLocation = z.infer<typeof VisitLocation>;
export const AlertSeverity = z.enum(['info', 'warning', 'critical']);
export type AlertSeverity = z.infer<typeof AlertSeverity>;

/** How many of one part a work order may record: a whole number; 0 or fewer is no part at all. */
export const PART_QUANTITY = { min: 1, max: 100 } as const;
export const Part = z.strictObject({
  name: text(120),
  quantity: z.number().int().min(PART_QUANTITY.min).max(PART_QUANTITY.max),
});
export type Part = z.infer<typeof Part>;
const Parts = z.array(Part).max(50);

export const WorkOrderAction = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('assign'), assigneeId: Id }),
  z.strictObject({
    action: z.literal('schedule'),
    scheduledAt: IsoDateTime.describe('when the visit happens; the family sees it'),
    location: VisitLocation,
  }),
  z.strictObject({ action: z.literal('start') }),
  z.strictObject({ action: z.literal('parts'), parts: Parts.describe('replaces the list recorded so far') }),
  z.strictObject({ action: z.literal('checklist'), items: ChecklistTicks.describe('refurbishment: items ticked or unticked, each with an optional note') }),
  z.strictObject({
    action: z.literal('resolve'),
    notes: text(2000, { multiline: true }),
    parts: Parts.optional(),
    outcome: RefurbOutcome.optional().describe('refurbishment (required): in_stock (every item done) or retired'),
    retireReason: RetireReason.optional().describe('with outcome retired'),
  }),
  z.strictObject({ action: z.literal('cancel'), reason: text(500, { multiline: true }) }),
]);
export type WorkOrderAction = z.infer<typeof WorkOrderAction>;
export type WorkOrderActionName = WorkOrderAction['action'];

/**
 * The state machine: for each action, the statuses it may start from and where it leads (null: the
 * status stays). Anything else is refused with 409. Shared so the web offers only legal actions.
 */
export const workOrderMoves: Record<WorkOrderActionName, { from: readonly WorkOrderStatus[]; to: WorkOrderStatus | null }> = {
  assign: { from: activeStatuses, to: null },
  schedule: { from: ['assigned', 'scheduled'], to: 'scheduled' },
  start: { from: ['assigned', 'scheduled'], to: 'in_progress' },
  parts: { from: ['in_progress'], to: null },
  checklist: { from: activeStatuses, to: null },
  resolve: { from: ['in_progress'], to: 'resolved' },
  cancel: { from: activeStatuses, to: 'cancelled' },
};

/**
 * The status an action leads to from `from`, or null when the move is not legal. Assigning an
 * open work order makes it assigned; any other assignment keeps the status.
 */
export function moveTarget(action: WorkOrderActionName, from: WorkOrderStatus): WorkOrderStatus | null {
  const move = workOrderMoves[action];
  if (!move.from.includes(from)) return null;
  if (action === 'assign') return from === 'open' ? 'assigned' : from;
  return move.to ?? from;
}

/**
 * The rules' own move, apart from the people's: when a rule's condition clears by itself and its
 * outcome says `autoResolve`, its work order is resolved from whatever open status it has, since
 * the reason for the work went away (a person's `resolve` needs in_progress: they did the work).
 * Not an HTTP action; the audit records it as `work_order.clear`.
 */
export const clearMove = { from: activeStatuses, to: 'resolved' } as const satisfies { from: readonly WorkOrderStatus[]; to: WorkOrderStatus };

export const CreateWorkOrderBody = z.strictObject({
  deviceId: Id,
  kind: WorkOrderKind,
  category: FaultCategory.optional(),
  priority: WorkOrderPriority.default('normal'),
  description: text(2000, { multiline: true }),
});
export type CreateWorkOrderBody = z.infer<typeof CreateWorkOrderBody>;

const Person = z.object({ id: Id, name: z.string() });

export const Alert = z
  .object({
    id: Id,
    centreId: Id,
    deviceId: Id.nullable(),
    deviceSerial: z.string().nullable(),
    workOrderId: Id.nullable(),
    kind: z.string().describe('a maintenance rule key, or e.g. red_flag'),
    severity: AlertSeverity,
    details: z.record(z.string(), z.unknown()).nullable(),
    createdAt: z.string(),
    clearedAt: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: Person.nullable(),
  })
  .meta({ id: 'Alert' });
export type Alert = z.infer<typeof Alert>;

export const AlertListQuery = PageQuery.extend({
  status: z.enum(['open', 'cleared', 'all']).default('open'),
  deviceId: Id.optional(),
  kind: z.string().regex(/^[a-z_]{1,40}$/).optional(),
  severity: AlertSeverity.optional(),
  centreId: Id.optional(),
});
export const AlertList = z.object({ items: z.array(Alert), total: z.number().int() });
export type AlertList = z.infer<typeof AlertList>;

export const WorkOrder = z
  .object({
    id: Id,
    centreId: Id,
    deviceId: Id.nullable(),
    deviceSerial: z.string().nullable(),
    reportId: Id.nullable(),
    kind: WorkOrderKind,
    status: WorkOrderStatus,
    scheduledAt: z.string().nullable(),
    location: VisitLocation.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    resolvedAt: z.string().nullable(),
    // Below: staff only (absent for families).
    beneficiaryName: z.string().nullable().optional(),
    rule: z.string().nullable().optional(),
    category: FaultCategory.nullable().optional(),
    priority: WorkOrderPriority.optional(),
    assignee: Person.nullable().optional(),
    description: z.string().nullable().optional(),
    parts: z.array(Part).optional(),
    resolutionNotes: z.string().nullable().optional(),
    forecastAt: z.string().nullable().optional(),
    details: z.record(z.string(), z.unknown()).nullable().optional(),
    checklist: z.array(ChecklistEntry).nullable().optional().describe('refurbishment: what is checked, in order'),
    outcome: RefurbOutcome.nullable().optional().describe('refurbishment: how it ended'),
  })
  .meta({ id: 'WorkOrder' });
export type WorkOrder = z.infer<typeof WorkOrder>;

export const WorkOrderDetail = WorkOrder.extend({
  alerts: z.array(Alert).optional().describe('staff: the alerts this work order answers (open and cleared)'),
  assignable: z
    .array(z.object({ id: Id, name: z.string(), role: z.enum(['technician', 'therapist']) }))
    .optional()
    .describe('staff: who this work order may be assigned to'),
}).meta({ id: 'WorkOrderDetail' });
export type WorkOrderDetail = z.infer<typeof WorkOrderDetail>;

export const WorkOrderListQuery = PageQuery.extend({
  status: z.enum([...WorkOrderStatus.options, 'active', 'all']).default('active'),
  kind: WorkOrderKind.optional(),
  priority: WorkOrderPriority.optional(),
  assignee: z.union([Id, z.enum(['me', 'none'])]).optional(),
  deviceId: Id.optional(),
  centreId: Id.optional(),
});
export type WorkOrderListQuery = z.infer<typeof WorkOrderListQuery>;
export const WorkOrderList = z.object({ items: z.array(WorkOrder), total: z.number().int() });
export type WorkOrderList = z.infer<typeof WorkOrderList>;
