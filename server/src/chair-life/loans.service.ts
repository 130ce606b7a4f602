// Loans in scope (a centre's staff: their centre; admins: all), due first, and which are overdue:
// open and past their due date (a loan due today is not yet overdue).
import type { Prisma } from '@prisma/client';
import type { z } from 'zod';
import type { LoanList, LoanListQuery } from '../../../schemas/chair-life.ts';
import { localToday } from '../../../schemas/centre-time.ts';
import type { Db } from '../../../core/db/client.ts';
import type { Actor } from '../access/actor.ts';

function loanScope(a: Actor): Prisma.LoanWhereInput {
  return a.role === 'admin' ? {} : { centreId: a.centreId ?? '__none__' };
}

export async function listLoans(db: Db, actor: Actor, q: z.infer<typeof LoanListQuery>, now: Date): Promise<LoanList> {
  const today = localToday(now);
  const where: Prisma.LoanWhereInput = {
    AND: [
      loanScope(actor),
      q.centreId ? { centreId: q.centreId } : {},
      q.overdue === 'true' ? { returnedAt: null, dueAt: { lt: today } } : q.status === 'open' ? { returnedAt: null } : q.status === 'returned' ? { returnedAt: { not: null } } : {},
      q.overdue === 'false' ? { OR: [{ returnedAt: { not: null } }, { dueAt: { gte: today } }] } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.loan.findMany({ where, include: { device: { select: { serial: true } } }, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], skip: q.offset, take: q.limit }),
    db.loan.count({ where }),
  ]);
  const people = await db.beneficiary.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.beneficiaryId))] } }, select: { id: true, fullName: true } });
  const name = new Map(people.map((p) => [p.id, p.fullName]));
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      deviceId: r.deviceId,
      deviceSerial: r.device.serial,
      beneficiary: { id: r.beneficiaryId, name: name.get(r.beneficiaryId) ?? '' },
      centreId: r.centreId,
      startedAt: r.startedAt.toISOString(),
      dueAt: r.dueAt.toISOString().slice(0, 10),
      returnedAt: r.returnedAt?.toISOString() ?? null,
      overdue: r.returnedAt === null && r.dueAt < today,
    })),
  };
}
