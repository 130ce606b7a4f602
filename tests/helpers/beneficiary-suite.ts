// Shared setup for the beneficiary suites: a harness over the demo world with signed-in staff and family.
import { expectJson, quickSession } from './api.ts';
import { adultBeneficiaryBody } from './fixtures.ts';
import { type Client, createHarness } from './harness.ts';
import { EMAIL, loadWorld } from './world.ts';

/** Opens a harness and signs in therapist A, the admin, technician A and family A1. */
export async function openBeneficiarySuite() {
  const h = await createHarness();
  const world = await loadWorld(h);
  const [therapist, admin] = await Promise.all([h.as(EMAIL.therapistA), h.as(EMAIL.admin)]);
  const [technician, family] = await Promise.all([quickSession(h, EMAIL.technicianA), quickSession(h, EMAIL.familyA1)]);
  return { h, world, therapist, admin, technician, family };
}

/** Registers a beneficiary (an adult by default) and returns the 201 body. */
export async function registerAs(as: Client, body: Record<string, unknown> = adultBeneficiaryBody()) {
  return expectJson(await as.post('/api/beneficiaries', body), 201);
}

export function healthConsentId(b: { consents: { id: string; purpose: string; withdrawnAt: string | null }[] }) {
  return b.consents.find((k) => k.purpose === 'health_data' && !k.withdrawnAt)!.id;
}
