// Form fields of the other steps (funding, ordering, preparation, fitting, training, delivery,
// cancelling), the referral and the follow-up, with their sensible defaults and shared schemas.
import type { ZodType } from 'zod';
import { CompleteFollowUpBody } from '../../../../../schemas/follow-ups.ts';
import {
  ApproveStep, AssessStep, CancelStep, DeliverStep, FitStep, OrderStep, PrepareStep, PrescribeStep, RejectStep, TrainStep,
} from '../../../../../schemas/pathway-steps.ts';
import { AppointmentType, OrderSource, Priority, ReferralSource, Trainee, type RequestDetail, type RequestState } from '../../../../../schemas/requests.ts';
import type { MessageKey } from '../../../i18n/i18n.ts';
import { optionsOf, riskOptions } from '../pathway-labels.ts';
import type { FieldDef, FieldGroup, FormValues } from './form-model.ts';

/** A calendar date in the device's own time zone (toISOString would give the UTC date: yesterday, mornings in Indonesia). */
export function localDate(offset = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
const day = localDate;
const area = (name: string, label: MessageKey, required = false): FieldDef => ({ name, label, type: 'textarea', required });
const check = (name: string, label: MessageKey): FieldDef => ({ name, label, type: 'checkbox' });

export const stepSchemas: Record<Exclude<RequestState, 'referred'>, ZodType> = {
  assessed: AssessStep, prescribed: PrescribeStep, approved: ApproveStep, rejected: RejectStep, ordered: OrderStep,
  prepared: PrepareStep, fitted: FitStep, trained: TrainStep, in_use: DeliverStep, cancelled: CancelStep,
};

/** The WHO fitting checklist: any item not ticked means the chair needs a refit. */
export const fittingChecks = [
  ['sizeOk', 'requests.field.sizeOk'], ['postureOk', 'requests.field.postureOk'], ['pressureOk', 'requests.field.pressureOk'], ['movementOk', 'requests.field.movementOk'],
] as const satisfies readonly (readonly [string, MessageKey])[];

export interface SimpleStep {
  groups: FieldGroup[];
  defaults: FormValues;
}

/** Fields and defaults of the steps that need nothing loaded beyond the request. */
export function simpleStep(to: RequestState, r: RequestDetail): SimpleStep | undefined {
  const electric = (r.prescription?.model.kind ?? r.device?.kind) === 'electric';
  switch (to) {
    case 'approved':
      return { groups: [{ fields: [{ name: 'fundingSource', label: 'requests.field.fundingSource', type: 'text', required: true, hint: 'requests.hint.fundingSource' }, area('note', 'requests.field.note')] }], defaults: { fundingSource: 'ATENSI' } };
    case 'rejected':
      return { groups: [{ fields: [area('reason', 'requests.field.rejectReason', true)] }], defaults: {} };
    case 'cancelled':
      return { groups: [{ fields: [area('reason', 'requests.field.cancelReason', true)] }], defaults: {} };
    case 'ordered':
      return {
        groups: [{
          fields: [
            { name: 'orderSource', label: 'requests.field.orderSource', type: 'select', required: true, options: optionsOf('orderSource', OrderSource.options) },
            { name: 'supplier', label: 'requests.field.supplier', type: 'text', required: true, when: (v) => v.orderSource === 'supplier' },
            { name: 'expectedAt', label: 'requests.field.expectedAt', type: 'date', required: true },
            area('note', 'requests.field.note'),
          ],
        }],
        defaults: { orderSource: 'stock', expectedAt: day(14) },
      };
    case 'prepared':
      if (r.state === 'fitted') return { groups: [{ fields: [area('note', 'requests.field.refitReason', true)] }], defaults: {} };
      return {
        groups: [{
          fields: [
            {
              name: 'deviceId', label: 'requests.field.stockDevice', type: 'select', hint: 'requests.hint.stockDevice',
              options: () => (r.stockDevices ?? []).map((d) => ({ value: d.id, label: d.serial })),
            },
            { name: 'serial', label: 'requests.field.serial', type: 'text', required: true, hint: 'requests.hint.serial', when: (v) => !v.deviceId },
            area('note', 'requests.field.note'),
          ],
        }],
        defaults: {},
      };
    case 'fitted':
      return {
        groups: [
          { legend: 'requests.group.fittingChecklist', fields: fittingChecks.map(([name, label]) => check(name, label)) },
          { fields: [area('adjustments', 'requests.field.adjustments'), area('notes', 'requests.field.notes')] },
        ],
        defaults: { sizeOk: false, postureOk: false, pressureOk: false, movementOk: false },
      };
    case 'trained':
      return {
        groups: [
          { fields: [{ name: 'trainee', label: 'requests.field.trainee', type: 'select', required: true, options: optionsOf('trainee', Trainee.options) }] },
          {
            legend: 'requests.group.trainingChecklist',
            fields: [
              check('transfers', 'requests.field.topicTransfers'), check('mobility', 'requests.field.topicMobility'), check('pressureRelief', 'requests.field.topicPressureRelief'),
              check('careMaintenance', 'requests.field.topicCare'), ...(electric ? [check('batteryCharging', 'requests.field.topicBattery')] : []), check('whoToContact', 'requests.field.topicContact'),
            ],
          },
          { fields: [area('notes', 'requests.field.notes')] },
        ],
        // A child's chair is handled by the family: train both by default.
        defaults: { trainee: r.beneficiary.ageYears < 18 ? 'both' : 'user' },
      };
    case 'in_use':
      return { groups: [{ fields: [{ name: 'deliveredAt', label: 'requests.field.deliveredAt', type: 'date', required: true }, area('note', 'requests.field.note')] }], defaults: { deliveredAt: day() } };
    default:
      return undefined;
  }
}

export const followUpGroups: FieldGroup[] = [
  {
    fields: [
      { name: 'completedAt', label: 'requests.field.completedAt', type: 'date', required: true },
      { name: 'pressureInjuryRisk', label: 'requests.field.pressureInjuryRisk', type: 'select', required: true, options: riskOptions },
      check('fitOk', 'requests.field.fitOk'),
      area('findings', 'requests.field.findings', true),
    ],
  },
];
export const followUpDefaults = (): FormValues => ({ completedAt: day(), pressureInjuryRisk: 'low', fitOk: true });
export const followUpSchema: ZodType = CompleteFollowUpBody;

export const referralGroups = (beneficiaries: { id: string; fullName: string }[]): FieldGroup[] => [
  {
    fields: [
      { name: 'beneficiaryId', label: 'requests.field.beneficiary', type: 'select', required: true, searchable: true, wide: true, options: () => beneficiaries.map((b) => ({ value: b.id, label: b.fullName })) },
      { name: 'referral.source', label: 'requests.field.source', type: 'select', required: true, options: optionsOf('source', ReferralSource.options) },
      { name: 'referral.priority', label: 'requests.field.priority', type: 'select', required: true, options: optionsOf('priority', Priority.options) },
      area('referral.reason', 'requests.field.reason', true),
    ],
  },
  {
    legend: 'requests.group.appointment',
    fields: [
      { name: 'referral.appointmentType', label: 'requests.field.appointmentType', type: 'select', required: true, options: optionsOf('appointment', AppointmentType.options) },
      { name: 'referral.appointmentAt', label: 'requests.field.appointmentAt', type: 'datetime', hint: 'requests.hint.appointmentAt' },
    ],
  },
];
export const referralDefaults = (beneficiaryId: string): FormValues => ({ beneficiaryId, 'referral.priority': 'routine', 'referral.appointmentType': 'centre' });
