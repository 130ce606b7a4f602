// A chair's life after the pathway: the steps recorded in its history, why a chair comes back, the
// refurbishment checklist, loans and transfers. Defined once for the server, the web and the docs.
import { z } from 'zod';
import { Id, IsoDate, PageQuery, staffRoles, text, workshopRoles, type Role } from './common.ts';
import type { DeviceStatus } from './devices.ts';

/** Every step that can appear in a chair's history. */
export const DeviceEventKind = z.enum([
  'received', 'updated', 'reserved', 'issued', 'loaned', 'returned', 'refurbishment_started', 'refurbished',
  'transfer_sent', 'transfer_received', 'battery_replaced', 'credentials_issued', 'retired', 'work_order',
]);
export type DeviceEventKind = z.infer<typeof DeviceEventKind>;

/** Why a chair leaves its user. */
export const ReturnReason = z.enum(['outgrown', 'no_longer_needed', 'deceased', 'loan_ended', 'other']);
export type ReturnReason = z.infer<typeof ReturnReason>;

/** The chair's condition as checked in. */
export const ReturnCondition = z.enum(['good', 'fair', 'poor', 'unusable']);
export type ReturnCondition = z.infer<typeof ReturnCondition>;

/** What a refurbishment checks, in this order; battery and controller items only for electric chairs. */
export const RefurbItem = z.enum([
  'clean_disinfect', 'frame_welds', 'brakes', 'tyres_castors', 'upholstery_cushion', 'battery_capacity', 'controller_fault_log',
]);
export type RefurbItem = z.infer<typeof RefurbItem>;
export const electricOnlyRefurbItems: readonly RefurbItem[] = ['battery_capacity', 'controller_fault_log'];

/** How a refurbishment ends. */
export const RefurbOutcome = z.enum(['in_stock', 'retired']);
export type RefurbOutcome = z.infer<typeof RefurbOutcome>;

/** Why a chair is written off. */
export const RetireReason = z.enum(['beyond_repair', 'lost', 'stolen', 'obsolete', 'other']);
export type RetireReason = z.infer<typeof RetireReason>;

/** Statuses from which a chair may be issued, lent or sent to another centre. */
export const availableStatuses = ['in_stock'] as const;

/** Families and staff are reminded this many days before a loan is due. */
export const LOAN_REMINDER_DAYS = 7;

// ---- The chair's lifecycle: which status each step needs and where it leads -----------------------

/** The steps of a chair's life outside the pathway (the pathway reserves and issues through its own steps). */
export const ChairStep = z.enum(['reserve', 'unreserve', 'issue', 'loan', 'return', 'refurbished', 'transfer', 'receive', 'battery', 'retire']);
export type ChairStep = z.infer<typeof ChairStep>;

/**
 * The transition table, defined once: the statuses a step may start from and the status it leads to
 * (null: the status stays). Anything else is refused with 409. The web offers only legal steps.
 */
export const chairMoves: Record<ChairStep, { from: readonly DeviceStatus[]; to: DeviceStatus | null; event: DeviceEventKind }> = {
  reserve: { from: availableStatuses, to: 'reserved', event: 'reserved' },
  unreserve: { from: ['reserved'], to: 'in_stock', event: 'updated' },
  issue: { from: ['reserved'], to: 'in_use', event: 'issued' },
  loan: { from: availableStatuses, to: 'on_loan', event: 'loaned' },
  return: { from: ['in_use', 'on_loan'], to: 'refurbishing', event: 'returned' },
  refurbished: { from: ['refurbishing'], to: 'in_stock', event: 'refurbished' },
  transfer: { from: availableStatuses, to: 'in_transit', event: 'transfer_sent' },
  receive: { from: ['in_transit'], to: 'in_stock', event: 'transfer_received' },
  battery: { from: ['in_stock', 'reserved', 'in_use', 'on_loan', 'in_repair', 'refurbishing'], to: null, event: 'battery_replaced' },
  retire: { from: ['in_stock', 'in_repair', 'refurbishing'], to: 'retired', event: 'retired' },
};

/**
 * Who may take each step on a chair's page: the role lists of the API's routes and of the web's
 * forms, defined once. Lending and taking back are for every centre's staff (therapists too); the
 * workshop's steps are not. Reserve, unreserve, issue and refurbished belong to the pathway and the
 * refurbishment work order, whose own routes declare their roles.
 */
export const chairStepRoles = {
  loan: staffRoles,
  return: staffRoles,
  transfer: workshopRoles,
  receive: workshopRoles,
  battery: workshopRoles,
  retire: workshopRoles,
} as const satisfies Partial<Record<ChairStep, readonly Role[]>>;
export type PageChairStep = keyof typeof chairStepRoles;

/** Whether a step may start from a status. */
export const canMove = (step: ChairStep, status: string) => (chairMoves[step].from as readonly string[]).includes(status);

// ---- API bodies -------------------------------------------------------------------------------

const note = text(1000, { multiline: true });

export const LoanBody = z.strictObject({
  beneficiaryId: Id.describe('a beneficiary of the chair\'s centre'),
  dueAt: IsoDate.describe('the expected return date (WIB calendar date)'),
  note: note.optional(),
});
export const ReturnBody = z.strictObject({ reason: ReturnReason, condition: ReturnCondition, notes: note.optional() });
export const TransferBody = z.strictObject({ toCentreId: Id, note: note.optional() });
export const ReceiveBody = z.strictObject({ note: note.optional() });
export const BatteryBody = z.strictObject({ installedAt: IsoDate.describe('the day the new battery went in'), notes: note.optional() });
export const RetireBody = z.strictObject({ reason: RetireReason, notes: note.optional() });

/** One checklist entry of a refurbishment as stored and shown. */
export const ChecklistEntry = z.object({ item: RefurbItem, done: z.boolean(), note: z.string().nullable() });
export type ChecklistEntry = z.infer<typeof ChecklistEntry>;
/** A technician's ticks: the entries given replace those items' state. */
export const ChecklistTicks = z.array(z.strictObject({ item: RefurbItem, done: z.boolean(), note: text(500, { multiline: true }).optional() })).min(1).max(RefurbItem.options.length);

/** The refurbishment checklist for a chair kind: battery and controller items only for electric chairs. */
export function refurbChecklist(kind: string): ChecklistEntry[] {
  return RefurbItem.options.filter((i) => kind === 'electric' || !electricOnlyRefurbItems.includes(i)).map((item) => ({ item, done: false, note: null }));
}

// ---- Answers ----------------------------------------------------------------------------------

export const DeviceEventView = z
  .object({
    id: Id,
    kind: DeviceEventKind,
    at: z.string(),
    actor: z.object({ id: Id, name: z.string() }).nullable().describe('staff only; null for families and for the system'),
    beneficiary: z.object({ id: Id, name: z.string() }).nullable().describe('whose time with the chair this step belongs to (staff: any; families: their own)'),
    centreId: Id.nullable(),
    reason: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable().describe('staff only: condition, target centre, status before and after, work order'),
  })
  .meta({ id: 'DeviceEvent' });
export type DeviceEventView = z.infer<typeof DeviceEventView>;
export const DeviceHistory = z.object({ deviceId: Id, items: z.array(DeviceEventView).describe('newest first') }).meta({ id: 'DeviceHistory' });
export type DeviceHistory = z.infer<typeof DeviceHistory>;

export const LoanView = z
  .object({
    id: Id,
    deviceId: Id,
    deviceSerial: z.string(),
    beneficiary: z.object({ id: Id, name: z.string() }),
    centreId: Id,
    startedAt: z.string(),
    dueAt: z.string(),
    returnedAt: z.string().nullable(),
    overdue: z.boolean(),
  })
  .meta({ id: 'Loan' });
export type LoanView = z.infer<typeof LoanView>;
export const LoanListQuery = PageQuery.extend({
  overdue: z.enum(['true', 'false']).optional().describe('true: only open loans past their due date'),
  status: z.enum(['open', 'returned', 'all']).default('open'),
  centreId: Id.optional(),
});
export const LoanList = z.object({ items: z.array(LoanView), total: z.number().int() }).meta({ id: 'LoanList' });
export type LoanList = z.infer<typeof LoanList>;

/** Where a chair may be sent: every other centre, by name (the centre list itself is scoped to one's own). */
export const TransferTargets = z.object({ items: z.array(z.object({ id: Id, code: z.string(), name: z.string() })) }).meta({ id: 'TransferTargets' });
