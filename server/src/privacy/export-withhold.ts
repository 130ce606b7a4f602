// A manager's export of a person whose health-data consent is missing or withdrawn: the same
// document with every diagnosis-derived and free-text clinical field left out (healthDataView).
type Row = Record<string, unknown>;

const rows = (v: unknown): Row[] => (Array.isArray(v) ? (v as Row[]) : []);
const omit = (r: Row, keys: readonly string[]): Row => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k)));

/** The fields of each exported record that are health data; what keeps the chair working stays. */
export const WITHHELD_EXPORT_FIELDS = {
  beneficiary: ['diagnosis', 'diagnosisNotes'],
  referral: ['reason'],
  transition: ['note'],
  prescription: ['accessories', 'notes'],
  funding: ['reason'],
  fitting: ['sizeOk', 'postureOk', 'pressureOk', 'movementOk', 'adjustments', 'notes'],
  training: ['notes'],
  followUp: ['findings', 'pressureInjuryRisk', 'fitOk'],
} as const;

export function withholdHealthData<T extends Row>(data: T): T {
  const f = WITHHELD_EXPORT_FIELDS;
  return {
    ...data,
    healthDataWithheld: true,
    beneficiary: omit(data.beneficiary as Row, f.beneficiary),
    cpProfile: null,
    hydrocephalusProfile: null,
    headCircumferences: [],
    referrals: rows(data.referrals).map((r) => omit(r, f.referral)),
    // The assessment is the clinical record itself (interview, posture, body measurements).
    assessments: [],
    requests: rows(data.requests).map((r) => ({
      ...r,
      transitions: rows(r.transitions).map((t) => omit(t, f.transition)),
      prescription: r.prescription ? omit(r.prescription as Row, f.prescription) : null,
      funding: rows(r.funding).map((x) => omit(x, f.funding)),
      fittings: rows(r.fittings).map((x) => omit(x, f.fitting)),
      trainings: rows(r.trainings).map((x) => omit(x, f.training)),
    })),
    followUps: rows(data.followUps).map((x) => omit(x, f.followUp)),
  };
}
