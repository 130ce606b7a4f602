// The beneficiary forms as data for the shared step form: registering a person (with the consent
// given), editing their details, the CP and hydrocephalus profiles, and recording a consent.
import { z } from 'zod';
import {
  ConsentBody,
  ConsentGivenBy,
  ConsentMethod,
  ConsentPurpose,
  CpProfileBody,
  GuardianRelationship,
  CreateBeneficiaryBody,
  Diagnosis,
  HydrocephalusProfileBody,
  RiskLevel,
  Sex,
  ShuntType,
  Side,
  UpdateBeneficiaryBody,
  type BeneficiaryDetail,
} from '../../../../schemas/beneficiaries.ts';
import type { Centre } from '../../../../schemas/centres.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { cpCoreFields } from '../requests/form/clinical-fields.ts';
import type { FieldDef, FieldGroup, FormValues } from '../requests/form/form-model.ts';
import { localDate } from '../requests/form/step-fields.ts';

const options = (prefix: string, values: readonly string[]) => () => values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));
const select = (name: string, label: MessageKey, prefix: string, values: readonly string[], o: Partial<FieldDef> = {}): FieldDef =>
  ({ name, label, type: 'select', options: options(prefix, values), ...o });
const check = (name: string, label: MessageKey, o: Partial<FieldDef> = {}): FieldDef => ({ name, label, type: 'checkbox', ...o });

/** The person's details; `centres` (for admins) adds the centre to register at. */
function personFields(centres: Centre[] | undefined, required: boolean): FieldDef[] {
  return [
    { name: 'fullName', label: 'beneficiaries.form.fullName', type: 'text', required },
    { name: 'nik', label: 'beneficiaries.form.nik', type: 'text', hint: 'beneficiaries.form.nikHint', custom: 'beneficiaries.form.nikInvalid' },
    { name: 'birthDate', label: 'beneficiaries.detail.birthDate', type: 'date', required, custom: 'requests.issue.dateInFuture' },
    select('sex', 'beneficiaries.detail.sex', 'sex', Sex.options, { required }),
    { name: 'address', label: 'beneficiaries.detail.address', type: 'textarea', required },
    { name: 'city', label: 'beneficiaries.detail.city', type: 'text' },
    { name: 'phone', label: 'beneficiaries.detail.phone', type: 'text' },
    ...(centres ? [{ name: 'centreId', label: 'beneficiaries.detail.centre', type: 'select', required: true, options: () => centres.map((c) => ({ value: c.id, label: c.name })) } satisfies FieldDef] : []),
    select('diagnosis', 'beneficiaries.detail.diagnosis', 'diagnosis', Diagnosis.options, { required }),
    { name: 'diagnosisNotes', label: 'beneficiaries.detail.diagnosisNotes', type: 'textarea', hint: 'beneficiaries.form.notesHint' },
  ];
}

/** Who consented, for what, how and when: at `prefix` in the body (`consent.` when registering). */
function consentFields(prefix: string): FieldDef[] {
  const guardian = (v: FormValues) => v[`${prefix}givenBy`] === 'guardian';
  return [
    select(`${prefix}givenBy`, 'beneficiaries.form.givenBy', 'givenBy', ConsentGivenBy.options, { required: true, hint: 'beneficiaries.form.givenByHint', custom: 'beneficiaries.form.childNeedsGuardian' }),
    { name: `${prefix}guardianName`, label: 'beneficiaries.form.guardianName', type: 'text', required: true, when: guardian, custom: 'requests.issue.required' },
    select(`${prefix}guardianRelationship`, 'beneficiaries.form.guardianRelationship', 'guardianRelationship', GuardianRelationship.options, {
      required: true, when: guardian, hint: 'beneficiaries.form.guardianRelationshipHint', custom: 'requests.issue.required',
    }),
    ...ConsentPurpose.options.map((p, i) => check(`purposes.${p}`, `purpose.${p}` as MessageKey, i === 0 ? { aliases: [`${prefix}purposes`], custom: 'beneficiaries.form.purposeNeeded' } : {})),
    select(`${prefix}method`, 'beneficiaries.consent.method', 'method', ConsentMethod.options, { required: true }),
    { name: `${prefix}givenAt`, label: 'beneficiaries.form.evidenceDate', type: 'date', required: true, custom: 'beneficiaries.form.consentDate' },
  ];
}

/** The chosen purpose checkboxes (`purposes.x: true`) become the consent's list of purposes. */
export function withPurposes(body: Record<string, unknown>, at: 'consent' | 'root'): Record<string, unknown> {
  const { purposes, ...rest } = body;
  const chosen = Object.entries((purposes ?? {}) as Record<string, boolean>).filter(([, on]) => on).map(([p]) => p);
  if (at === 'root') return { ...rest, purposes: chosen };
  return { ...rest, consent: { ...(rest.consent as Record<string, unknown>), purposes: chosen } };
}

export const registerGroups = (centres: Centre[] | undefined): FieldGroup[] => [
  { legend: 'beneficiaries.form.person', fields: personFields(centres, true) },
  { legend: 'beneficiaries.form.consent', fields: consentFields('consent.') },
];
export const registerDefaults = (): FormValues => ({
  'consent.givenBy': 'guardian',
  'consent.method': 'written',
  'consent.givenAt': localDate(),
  'purposes.service': true,
  'purposes.health_data': true,
});
export const registerSchema = z.preprocess((b) => withPurposes(b as Record<string, unknown>, 'consent'), CreateBeneficiaryBody);

export const editGroups = (): FieldGroup[] => [{ fields: personFields(undefined, false) }];
export function editDefaults(b: BeneficiaryDetail): FormValues {
  const values: FormValues = { fullName: b.fullName, birthDate: b.birthDate, sex: b.sex, city: b.city ?? '', nik: b.nik ?? '', address: b.address ?? '', phone: b.phone ?? '' };
  if (b.diagnosis) values.diagnosis = b.diagnosis;
  if (b.diagnosisNotes) values.diagnosisNotes = b.diagnosisNotes;
  return values;
}
export const editSchema = UpdateBeneficiaryBody;

export const consentGroups = (): FieldGroup[] => [{ fields: consentFields('') }];
export const consentDefaults = (b: BeneficiaryDetail): FormValues => ({
  givenBy: b.ageYears < 18 ? 'guardian' : 'beneficiary',
  method: 'written',
  givenAt: localDate(),
});
export const consentSchema = z.preprocess((b) => withPurposes(b as Record<string, unknown>, 'root'), ConsentBody);

export const cpGroups = (): FieldGroup[] => [
  { fields: cpCoreFields('') },
  {
    legend: 'beneficiaries.cp.deformities',
    fields: [
      { name: 'pelvicPosition', label: 'beneficiaries.cp.pelvic', type: 'text' },
      check('scoliosis', 'beneficiaries.deformity.scoliosis'),
      check('hipDislocation', 'beneficiaries.deformity.hipDislocation'),
      check('windsweptHips', 'beneficiaries.deformity.windsweptHips'),
      check('kyphosis', 'beneficiaries.deformity.kyphosis'),
      { name: 'contractures', label: 'beneficiaries.cp.contractures', type: 'textarea' },
    ],
  },
];
export function cpDefaults(b: BeneficiaryDetail): FormValues {
  const p = b.cpProfile;
  if (!p) return {};
  return {
    gmfcs: String(p.gmfcs), type: p.type, distribution: p.distribution, sittingLevel: p.sittingLevel, tone: p.tone,
    pelvicPosition: p.pelvicPosition ?? '', contractures: p.contractures ?? '',
    scoliosis: p.scoliosis, hipDislocation: p.hipDislocation, windsweptHips: p.windsweptHips, kyphosis: p.kyphosis,
  };
}
export const cpSchema = CpProfileBody;

export function hydroGroups(): FieldGroup[] {
  const shunt = (v: FormValues) => v.shuntPresent === true;
  return [{
    fields: [
      check('shuntPresent', 'beneficiaries.hydro.shuntPresent'),
      select('shuntType', 'beneficiaries.hydro.shuntType', 'shunt', ShuntType.options, { when: shunt }),
      select('shuntSide', 'beneficiaries.hydro.shuntSide', 'side', Side.options, { when: shunt }),
      { name: 'revisions', label: 'beneficiaries.hydro.revisions', type: 'number', min: 0, max: 100, step: 1 },
      { name: 'lastRevisionAt', label: 'beneficiaries.hydro.lastRevision', type: 'date' },
      { name: 'headSupport', label: 'beneficiaries.hydro.headSupport', type: 'text' },
      select('occiputSkinRisk', 'beneficiaries.hydro.occiputRisk', 'risk', RiskLevel.options, { required: true }),
      { name: 'redFlagNotes', label: 'beneficiaries.hydro.redFlags', type: 'textarea' },
    ],
  }];
}
export function hydroDefaults(b: BeneficiaryDetail): FormValues {
  const p = b.hydrocephalusProfile;
  if (!p) return { occiputSkinRisk: 'low', revisions: '0' };
  return {
    shuntPresent: p.shuntPresent, shuntType: p.shuntType ?? '', shuntSide: p.shuntSide ?? '', revisions: String(p.revisions),
    lastRevisionAt: p.lastRevisionAt ?? '', headSupport: p.headSupport ?? '', occiputSkinRisk: p.occiputSkinRisk, redFlagNotes: p.redFlagNotes ?? '',
  };
}
export const hydroSchema = HydrocephalusProfileBody;
