// The rows a request summary and detail are read with (Prisma includes and their types).
import type { Prisma } from '@prisma/client';
import { healthSubjectSelect } from '../access/health-data.ts';

export const summaryInclude = {
  beneficiary: { select: { id: true, fullName: true, birthDate: true, diagnosis: true } },
  centre: { select: { name: true } },
  referral: true,
  followUps: { where: { completedAt: null }, orderBy: { dueAt: 'asc' }, take: 1 },
  transitions: { orderBy: [{ at: 'desc' }, { id: 'desc' }], take: 1, select: { at: true } },
} satisfies Prisma.DeviceRequestInclude;

export const detailInclude = {
  ...summaryInclude,
  // The health-data consents decide what of the clinical record is shown (healthDataView).
  beneficiary: { select: { ...summaryInclude.beneficiary.select, ...healthSubjectSelect } },
  followUps: { orderBy: { dueAt: 'asc' } },
  device: { include: { model: { select: { name: true, kind: true } } } },
  transitions: { orderBy: [{ at: 'asc' }, { id: 'asc' }], include: { byUser: { select: { id: true, name: true } } } },
  assessments: { orderBy: [{ assessedAt: 'desc' }, { createdAt: 'desc' }], take: 1 },
  prescription: { include: { model: { select: { id: true, name: true, manufacturer: true, kind: true } } } },
  funding: { orderBy: { decidedAt: 'asc' } },
  fittings: { orderBy: { fittedAt: 'asc' } },
  trainings: { orderBy: { trainedAt: 'asc' } },
} satisfies Prisma.DeviceRequestInclude;

export type SummaryRow = Prisma.DeviceRequestGetPayload<{ include: typeof summaryInclude }>;
export type DetailRow = Prisma.DeviceRequestGetPayload<{ include: typeof detailInclude }>;

/** Names of staff by user id (step records keep ids only). */
export type Names = Map<string, string>;
