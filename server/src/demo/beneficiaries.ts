// Demo beneficiaries: registers one person with consents and their CP or hydrocephalus profile.
import type { Db } from '../../../core/db/client.ts';
import { DAY } from './devices.ts';
import { type DemoBeneficiary, demoPhone } from './people.ts';

function ageAt(birth: string, now: Date) {
  return (now.getTime() - new Date(`${birth}T00:00:00Z`).getTime()) / (365.25 * DAY);
}

/** Creates the beneficiary row registered at `registered` by `therapistId`; `i` varies the demo details. */
export function createDemoBeneficiary(db: Db, o: { p: DemoBeneficiary; i: number; centreId: string; therapistId: string; registered: Date; now: Date }) {
  const { p, i, therapistId, registered } = o;
  const child = ageAt(p.birthDate, o.now) < 18;
  return db.beneficiary.create({
    data: {
      centreId: o.centreId,
      fullName: p.fullName,
      birthDate: new Date(`${p.birthDate}T00:00:00Z`),
      sex: p.sex,
      address: p.address,
      city: p.city,
      phone: demoPhone(100 + i),
      diagnosis: p.diagnosis,
      diagnosisNotes: p.diagnosis === 'other' ? 'Spina bifida dengan paraplegia; dirujuk untuk kebutuhan duduk.' : null,
      createdById: therapistId,
      createdAt: registered,
      consents: {
        create: (['service', 'health_data', 'photos', ...(p.electric ? (['telemetry'] as const) : [])] as const).map((purpose) => ({
          purpose,
          givenBy: child ? 'guardian' : 'beneficiary',
          guardianName: child ? (p.guardian ?? null) : null,
          method: 'written',
          givenAt: registered,
          recordedById: therapistId,
        })),
      },
      ...(p.gmfcs
        ? {
            cpProfile: {
              create: {
                gmfcs: p.gmfcs,
                type: p.cpType ?? 'spastic',
                distribution: p.distribution ?? 'quadriplegia',
                sittingLevel: p.gmfcs >= 5 ? 'unable' : p.gmfcs === 4 ? 'propped' : 'hands_dependent',
                tone: p.cpType === 'dyskinetic' ? 'fluctuating' : 'hypertonic',
                pelvicPosition: p.gmfcs >= 4 ? 'panggul miring ke belakang, lebih rendah di kiri' : 'netral',
                scoliosis: p.gmfcs >= 4,
                hipDislocation: p.gmfcs === 5,
                windsweptHips: p.gmfcs === 5,
              },
            },
          }
        : {}),
      ...(p.shuntSide
        ? {
            hydroProfile: {
              create: {
                shuntPresent: true,
                shuntType: 'vp',
                shuntSide: p.shuntSide,
                revisions: i % 3,
                headSupport: 'sandaran kepala berkontur, bantalan menjauhi katup shunt',
                lastRevisionAt: i % 3 ? new Date(registered.getTime() - 400 * DAY) : null,
                occiputSkinRisk: child ? 'high' : 'medium',
                headCircumferences: child
                  ? { create: [0, 1].map((k) => ({ measuredAt: new Date(registered.getTime() + k * 90 * DAY), cm: 48 + k * 0.6 + (i % 4) })) }
                  : undefined,
              },
            },
          }
        : {}),
    },
  });
}
