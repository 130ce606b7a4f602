// The registry the telemetry-store contract runs against, written through Prisma (not the store's
// SQL) so that every implementation of the store finds the same chairs, users and consents.
import type { Db } from '../../core/db/client.ts';

export const DAY = 86_400_000;
/** The contract's "now": a Friday noon UTC. */
export const NOW = Date.UTC(2026, 10, 20, 12);

export interface StoreWorld {
  centreId: string;
  /** Electric chairs; `free` has no user, the others belong to users with the consent named. */
  free: string;
  consented: string;
  withdrawn: string;
  /** A child whose own consent does not count (only a guardian's does). */
  child: string;
  /** A manual chair: no telemetry. */
  manual: string;
  /** An electric chair without MQTT credentials. */
  unregistered: string;
  consentedUser: string;
}

/** Writes the registry through a Prisma client, or a harness's (SQLite) one. */
export async function createStoreWorld(from: Db | { db: { prisma: Db } }): Promise<StoreWorld> {
  const db = 'db' in from ? from.db.prisma : from;
  const centre = await db.centre.create({ data: { code: 'CONTRACT', name: 'Contract centre', city: 'Solo', province: 'Jawa Tengah' } });
  const electric = await db.deviceModel.create({
    data: { name: 'Contract E', manufacturer: 'Contract', kind: 'electric', isoCode: '12 23 06', ratedAh: 20, ratedCycles: 500, serviceIntervalKm: 500 },
  });
  const manual = await db.deviceModel.create({ data: { name: 'Contract M', manufacturer: 'Contract', kind: 'manual_adaptive', isoCode: '12 22 03' } });
  const person = (fullName: string, birthDate: Date) =>
    db.beneficiary.create({ data: { centreId: centre.id, fullName, birthDate, sex: 'F', address: 'Jl. Uji 1', diagnosis: 'other' } });
  const adult = new Date(Date.UTC(1980, 0, 1));
  const consented = await person('Contract Adult', adult);
  const withdrawn = await person('Contract Withdrawn', adult);
  const child = await person('Contract Child', new Date(NOW - 10 * 365 * DAY));
  const consent = (beneficiaryId: string, withdrawnAt: Date | null) =>
    db.consent.create({ data: { beneficiaryId, givenBy: 'beneficiary', purpose: 'telemetry', method: 'written', givenAt: new Date(NOW - 90 * DAY), withdrawnAt } });
  await consent(consented.id, null);
  await consent(withdrawn.id, new Date(NOW - 30 * DAY));
  await consent(child.id, null);
  let n = 0;
  const device = async (modelId: string, beneficiaryId: string | null, secret = true) =>
    (
      await db.device.create({
        data: {
          serial: `CT-${String(++n).padStart(3, '0')}`, serialKey: `CT-${String(n).padStart(3, '0')}`, modelId, centreId: centre.id, beneficiaryId, status: 'in_use',
          mqttSecretHash: secret ? 'contract-secret' : null, createdAt: new Date(NOW - 200 * DAY),
        },
      })
    ).id;
  return {
    centreId: centre.id,
    free: await device(electric.id, null),
    consented: await device(electric.id, consented.id),
    withdrawn: await device(electric.id, withdrawn.id),
    child: await device(electric.id, child.id),
    manual: await device(manual.id, consented.id, false),
    unregistered: await device(electric.id, null, false),
    consentedUser: consented.id,
  };
}
