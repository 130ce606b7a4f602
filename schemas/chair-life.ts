// A chair's life after the pathway: the steps recorded in its history, why a chair comes back, the
// refurbishment checklist, loans and transfers. Defined once for the server, the web and the docs.
import { z } from 'zod';

/** Every step that can appear in a chair's history. */
export const DeviceEventKind = z.enum([
  'received', 'updated', 'reserved', 'issued', 'loaned', 'returned', 'refurbishment_started', 'refurbished',
  'transfer_sent', 'transfer_received', 'battery_replaced', 'credentials_issued', 'retired',
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
