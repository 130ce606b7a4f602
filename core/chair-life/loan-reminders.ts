// Loan reminders, run on the rules engine's periodic sweep (the same job that checks silent chairs
// and service intervals): the family and the centre's staff are told LOAN_REMINDER_DAYS before a
// loan is due (once per loan: reminderSentAt) and once more when it is overdue (once per loan and person).
import type { PrismaClient } from '@prisma/client';
import { LOAN_REMINDER_DAYS } from '../../schemas/chair-life.ts';
import { localToday } from '../../schemas/centre-time.ts';
import { centreStaff, familyOf, notify } from '../notifications/notify.ts';

const DAY = 86_400_000;
/** Who at the centre hears of a loan: the people who lend and take chairs back. */
const LOAN_STAFF = ['manager', 'therapist', 'technician'] as const;

export interface LoanReminders {
  dueSoon: number;
  overdue: number;
}

export async function remindLoans(prisma: PrismaClient, now: Date): Promise<LoanReminders> {
  const today = localToday(now);
  const horizon = new Date(today.getTime() + LOAN_REMINDER_DAYS * DAY);
  const open = await prisma.loan.findMany({
    where: { returnedAt: null, OR: [{ reminderSentAt: null, dueAt: { lte: horizon } }, { dueAt: { lt: today } }] },
    include: { device: { select: { serial: true } } },
  });
  const sent: LoanReminders = { dueSoon: 0, overdue: 0 };
  for (const loan of open) {
    const overdue = loan.dueAt < today;
    await prisma.$transaction(async (tx) => {
      const people = [...(await familyOf(tx, loan.beneficiaryId)), ...(await centreStaff(tx, loan.centreId, LOAN_STAFF))];
      const kind = overdue ? 'loan_overdue' : 'loan_due';
      const n = await notify(tx, {
        userIds: people,
        kind,
        params: { serial: loan.device.serial, dueAt: loan.dueAt.toISOString().slice(0, 10) },
        link: `/fleet/${loan.deviceId}`,
        // The overdue notice goes once per person; the due-soon one once per loan (below).
        dedupeKey: `${kind}:${loan.id}`,
        now,
      });
      if (n > 0) sent[overdue ? 'overdue' : 'dueSoon'] += 1;
      if (!loan.reminderSentAt) await tx.loan.update({ where: { id: loan.id }, data: { reminderSentAt: now } });
    });
  }
  return sent;
}
