// Form fields of the clinical steps: the WHO assessment (interview, physical assessment,
// measurements, CP and hydrocephalus details) and the prescription with the sizing helper's choices.
import type { BeneficiaryDetail } from '../../../../../schemas/beneficiaries.ts';
import { CpDistribution, CpType, SittingLevel, Tone } from '../../../../../schemas/beneficiaries.ts';
import { measurementRanges, type MeasurementKey } from '../../../../../schemas/pathway-steps.ts';
import { Cushion, type RequestDetail } from '../../../../../schemas/requests.ts';
import type { SizingResult } from '../../../../../schemas/sizing.ts';
import { label } from '../../../i18n/format.ts';
import { t, type MessageKey } from '../../../i18n/i18n.ts';
import { enumLabel, optionsOf, riskOptions } from '../pathway-labels.ts';
import type { FieldDef, FieldGroup, FormValues } from './form-model.ts';
import { localDate } from './step-fields.ts';

const hasCp = (d: string | undefined) => d === 'cp' || d === 'both';
const hasHydro = (d: string | undefined) => d === 'hydrocephalus' || d === 'both';

const measurementLabels: Record<MeasurementKey, MessageKey> = {
  hipWidthMm: 'requests.field.hipWidth',
  seatDepthLeftMm: 'requests.field.seatDepthLeft',
  seatDepthRightMm: 'requests.field.seatDepthRight',
  calfLengthLeftMm: 'requests.field.calfLengthLeft',
  calfLengthRightMm: 'requests.field.calfLengthRight',
  seatToRibCageMm: 'requests.field.seatToRibCage',
  seatToShoulderMm: 'requests.field.seatToShoulder',
  seatToOcciputMm: 'requests.field.seatToOcciput',
};
const optionalMeasurements = new Set<MeasurementKey>(['seatToRibCageMm', 'seatToShoulderMm', 'seatToOcciputMm']);
const customRule: Partial<Record<MeasurementKey, MessageKey>> = { seatToShoulderMm: 'requests.issue.aboveRibCage', seatToOcciputMm: 'requests.issue.aboveShoulder' };

const measurementField = (key: MeasurementKey): FieldDef => ({
  name: `measurements.${key}`,
  label: measurementLabels[key],
  type: 'number',
  unit: 'mm',
  step: 1,
  min: measurementRanges[key][0],
  max: measurementRanges[key][1],
  required: !optionalMeasurements.has(key),
  custom: customRule[key],
});

const text = (name: string, labelKey: MessageKey, o: Partial<FieldDef> = {}): FieldDef => ({ name, label: labelKey, type: 'text', ...o });
const area = (name: string, labelKey: MessageKey, o: Partial<FieldDef> = {}): FieldDef => ({ name, label: labelKey, type: 'textarea', ...o });
const enumOptions = <G extends 'cpType' | 'distribution' | 'tone' | 'sitting'>(group: G, values: readonly string[]) => () =>
  values.map((v) => ({ value: v, label: label(group, v as never) }));

/** The CP profile's classification (GMFCS, type, distribution, tone, sitting), at `prefix` in the body. */
export const cpCoreFields = (prefix: string): FieldDef[] => [
  { name: `${prefix}gmfcs`, label: 'requests.field.gmfcs', type: 'select', required: true, options: () => [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t('beneficiaries.cp.gmfcsLevel', { level: ['I', 'II', 'III', 'IV', 'V'][n - 1]! }) })), asNumber: true },
  { name: `${prefix}type`, label: 'beneficiaries.cp.type', type: 'select', required: true, options: enumOptions('cpType', CpType.options) },
  { name: `${prefix}distribution`, label: 'beneficiaries.cp.distribution', type: 'select', required: true, options: enumOptions('distribution', CpDistribution.options) },
  { name: `${prefix}tone`, label: 'beneficiaries.cp.tone', type: 'select', required: true, options: enumOptions('tone', Tone.options) },
  { name: `${prefix}sittingLevel`, label: 'beneficiaries.cp.sitting', type: 'select', required: true, options: enumOptions('sitting', SittingLevel.options) },
];

export function assessGroups(r: RequestDetail): FieldGroup[] {
  const groups: FieldGroup[] = [
    {
      legend: 'requests.group.interview',
      fields: [
        { name: 'assessedAt', label: 'requests.field.assessedAt', type: 'date', required: true },
        area('goals', 'requests.field.goals', { required: true }),
        area('diagnosisSummary', 'requests.field.diagnosisSummary'),
        text('usageEnvironment', 'requests.field.usageEnvironment', { required: true, hint: 'requests.hint.usageEnvironment' }),
        { name: 'dailyUseHours', label: 'requests.field.dailyUseHours', type: 'number', unit: 'h', min: 0, max: 24, step: 0.5, required: true },
        text('terrain', 'requests.field.terrain'),
        text('transport', 'requests.field.transport'),
        text('transfers', 'requests.field.transfers'),
        text('currentChair', 'requests.field.currentChair'),
      ],
    },
    {
      legend: 'requests.group.physical',
      fields: [
        area('sittingPosture', 'requests.field.sittingPosture', { required: true }),
        text('pelvicPosition', 'requests.field.pelvicPosition'),
        { name: 'pressureInjuryRisk', label: 'requests.field.pressureInjuryRisk', type: 'select', options: riskOptions, required: true },
      ],
    },
    { legend: 'requests.group.measurements', fields: (Object.keys(measurementRanges) as MeasurementKey[]).map(measurementField) },
  ];
  if (hasCp(r.beneficiaryDiagnosis)) {
    groups.push({
      legend: 'requests.group.cp',
      fields: cpCoreFields('cp.'),
    });
  }
  if (hasHydro(r.beneficiaryDiagnosis)) {
    groups.push({
      legend: 'requests.group.hydro',
      fields: [
        { name: 'hydrocephalus.shuntPresent', label: 'requests.field.shuntPresent', type: 'checkbox' },
        { name: 'hydrocephalus.shuntSide', label: 'beneficiaries.hydro.shuntSide', type: 'select', options: () => (['left', 'right'] as const).map((v) => ({ value: v, label: t(`side.${v}`) })), when: (v) => v['hydrocephalus.shuntPresent'] === true },
        text('hydrocephalus.headSupport', 'requests.field.headSupportNeeds'),
        { name: 'hydrocephalus.occiputSkinRisk', label: 'beneficiaries.hydro.occiputRisk', type: 'select', options: riskOptions, required: true },
      ],
    });
  }
  groups.push({ fields: [area('notes', 'requests.field.notes')] });
  return groups;
}

/** Defaults: today, and the profiles already on record (the assessment confirms or corrects them). */
export function assessDefaults(b: BeneficiaryDetail | undefined): FormValues {
  const cp = b?.cpProfile;
  const hp = b?.hydrocephalusProfile;
  return {
    assessedAt: localDate(),
    pressureInjuryRisk: 'low',
    ...(b?.diagnosisNotes ? { diagnosisSummary: b.diagnosisNotes } : {}),
    ...(cp ? { 'cp.gmfcs': String(cp.gmfcs), 'cp.type': cp.type, 'cp.distribution': cp.distribution, 'cp.tone': cp.tone, 'cp.sittingLevel': cp.sittingLevel, pelvicPosition: cp.pelvicPosition ?? '' } : {}),
    'hydrocephalus.shuntPresent': hp?.shuntPresent ?? false,
    'hydrocephalus.shuntSide': hp?.shuntSide ?? '',
    'hydrocephalus.headSupport': hp?.headSupport ?? '',
    'hydrocephalus.occiputSkinRisk': hp?.occiputSkinRisk ?? 'low',
  };
}

const sizeValue = (modelId: string, w: number, d: number) => `${modelId}|${w}|${d}`;

/** Every size of the catalogue, those that fit first with how well, the rest after. */
function sizeOptions(s: SizingResult) {
  return () => {
    const fits = s.matches.map((m) => ({
      value: sizeValue(m.modelId, m.seatWidthMm, m.seatDepthMm),
      label: `${m.modelName} (${enumLabel('kind', m.kind)}) ${m.seatWidthMm} × ${m.seatDepthMm} mm · ${enumLabel('fit', m.fit)}`,
    }));
    const taken = new Set(fits.map((f) => f.value));
    const rest = s.models.flatMap((m) =>
      m.sizes
        .map((z) => ({ value: sizeValue(m.id, z.seatWidthMm, z.seatDepthMm), label: `${m.name} (${enumLabel('kind', m.kind)}) ${z.seatWidthMm} × ${z.seatDepthMm} mm · ${t('requests.fit.none')}` }))
        .filter((o) => !taken.has(o.value)),
    );
    return [...fits, ...rest];
  };
}

export function prescribeGroups(s: SizingResult): FieldGroup[] {
  const support = (name: 'pelvicBelt' | 'lateralSupports' | 'headSupport' | 'tiltInSpace'): FieldDef => ({ name, label: `requests.support.${name}`, type: 'checkbox' });
  return [
    {
      legend: 'requests.group.chair',
      fields: [
        {
          name: 'size',
          label: 'requests.field.modelSize',
          type: 'select',
          wide: true,
          required: true,
          options: sizeOptions(s),
          aliases: ['modelId', 'seatWidthMm', 'seatDepthMm'],
          toBody: (raw) => {
            const [modelId, w, d] = String(raw).split('|');
            return { modelId, seatWidthMm: Number(w), seatDepthMm: Number(d) };
          },
        },
        { name: 'cushion', label: 'requests.field.cushion', type: 'select', required: true, options: optionsOf('cushion', Cushion.options) },
      ],
    },
    { legend: 'requests.group.supports', fields: [support('pelvicBelt'), support('lateralSupports'), support('headSupport'), support('tiltInSpace')] },
    { fields: [area('accessories', 'requests.field.accessories'), area('notes', 'requests.field.notes')] },
  ];
}

/** Defaults from the sizing helper: the best-fitting size and the supports the assessment suggests. */
export function prescribeDefaults(s: SizingResult): FormValues {
  const best = s.matches[0];
  return {
    ...(best ? { size: sizeValue(best.modelId, best.seatWidthMm, best.seatDepthMm) } : {}),
    cushion: s.suggested.cushion,
    pelvicBelt: s.suggested.pelvicBelt,
    lateralSupports: s.suggested.lateralSupports,
    headSupport: s.suggested.headSupport,
    tiltInSpace: s.suggested.tiltInSpace,
  };
}
