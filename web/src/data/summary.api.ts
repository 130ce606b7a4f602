// The numbers on Home, fetched in parallel and only those the role may see.
import type { BeneficiarySummary } from '../../../schemas/beneficiaries.ts';
import type { Role } from '../../../schemas/common.ts';
import { listBeneficiaries } from './beneficiaries.api.ts';
import { listCentres } from './centres.api.ts';
import { listUsers } from './users.api.ts';

export interface HomeSummary {
  beneficiaries?: number;
  centres?: number;
  users?: number;
  /** For a family: the beneficiaries linked to them. */
  linked?: BeneficiarySummary[];
}

export async function loadHomeSummary(role: Role, signal?: AbortSignal): Promise<HomeSummary> {
  if (role === 'family') {
    const { items } = await listBeneficiaries({ limit: 50 }, signal);
    return { linked: items };
  }
  const count = listBeneficiaries({ limit: 1 }, signal).then((page) => page.total);
  if (role === 'admin') {
    const [beneficiaries, centres, users] = await Promise.all([count, listCentres(signal), listUsers(signal)]);
    return { beneficiaries, centres: centres.length, users: users.length };
  }
  if (role === 'manager') {
    const [beneficiaries, users] = await Promise.all([count, listUsers(signal)]);
    return { beneficiaries, users: users.length };
  }
  return { beneficiaries: await count };
}
