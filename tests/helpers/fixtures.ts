// Valid request bodies for the API, built fresh per call so tests can override one field at a time.
import { birthDateForAge, isoDay } from './api.ts';

let seq = 0;
/** A short suffix unique within this test process, for codes and emails that must not repeat. */
export function unique(): string {
  seq += 1;
  return `${process.pid.toString(36)}${seq.toString(36)}${Date.now().toString(36).slice(-4)}`;
}

let nikSeq = 0;
/** A plausible NIK, different at each call: West Java, Bekasi, born 15 June 1998 (a woman's day + 40 with `female`). */
export function testNik(options: { female?: boolean } = {}): string {
  nikSeq += 1;
  const serial = ((process.pid % 100) * 100 + nikSeq).toString().padStart(4, '0').slice(-4);
  return `327501${options.female ? '55' : '15'}0698${serial}`;
}

export function consentBody(overrides: Record<string, unknown> = {}) {
  return { givenBy: 'beneficiary', purposes: ['service', 'health_data'], method: 'written', givenAt: isoDay(-10), ...overrides };
}

export function guardianConsentBody(overrides: Record<string, unknown> = {}) {
  return consentBody({ givenBy: 'guardian', guardianName: 'Dewi Kartika', guardianRelationship: 'mother', ...overrides });
}

let personSeq = 0;
/**
 * Days past the birthday, different at each call (the age in years stays): each body is another
 * person, so registering the same name twice is not taken for a duplicate (beneficiary-duplicates.ts).
 */
const nextPerson = () => (personSeq += 1) % 200;

/** An adult beneficiary who consents for themself (service and health data). */
export function adultBeneficiaryBody(overrides: Record<string, unknown> = {}) {
  return {
    fullName: 'Wulan Sari Dewi',
    birthDate: birthDateForAge(29, nextPerson()),
    sex: 'female',
    address: 'Jl. Merpati No. 7, Bekasi Utara',
    city: 'Bekasi',
    phone: '+62 812 5555 0101',
    diagnosis: 'cp',
    diagnosisNotes: 'Spastic diplegia; walks short distances with a frame.',
    consent: consentBody(),
    ...overrides,
  };
}

/** A child of eight whose guardian consents. */
export function childBeneficiaryBody(overrides: Record<string, unknown> = {}) {
  return adultBeneficiaryBody({
    fullName: 'Bima Arya Putra',
    birthDate: birthDateForAge(8, nextPerson()),
    sex: 'male',
    diagnosis: 'hydrocephalus',
    consent: guardianConsentBody(),
    ...overrides,
  });
}

export function cpProfileBody(overrides: Record<string, unknown> = {}) {
  return {
    gmfcs: 4,
    type: 'spastic',
    distribution: 'quadriplegia',
    sittingLevel: 'propped',
    tone: 'hypertonic',
    pelvicPosition: 'posterior tilt',
    scoliosis: true,
    hipDislocation: false,
    windsweptHips: false,
    kyphosis: false,
    contractures: 'knee flexion 20° both sides',
    ...overrides,
  };
}

export function hydrocephalusProfileBody(overrides: Record<string, unknown> = {}) {
  return {
    shuntPresent: true,
    shuntType: 'vp',
    shuntSide: 'right',
    revisions: 1,
    lastRevisionAt: isoDay(-400),
    headSupport: 'contoured occipital support',
    occiputSkinRisk: 'high',
    redFlagNotes: null,
    headCircumferences: [
      { measuredAt: isoDay(-100), cm: 50.2 },
      { measuredAt: isoDay(-300), cm: 49.5 },
    ],
    ...overrides,
  };
}

export function centreBody(overrides: Record<string, unknown> = {}) {
  return { code: `T-${unique().toUpperCase()}`, name: 'Balai Uji Coba', city: 'Surakarta', province: 'Jawa Tengah', ...overrides };
}

export function userBody(role: string, centreId: string | null, overrides: Record<string, unknown> = {}) {
  return {
    email: `user.${unique()}@test.atensi.id`,
    name: 'Pengguna Uji',
    role,
    ...(centreId ? { centreId } : {}),
    locale: 'id',
    ...overrides,
  };
}
