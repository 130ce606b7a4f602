// The family nudge to charge, raised by the maintenance rules when a chair's battery runs deep:
// one notification per family member and episode (the rule's activation time keys the episode).
import type { Prisma } from '@prisma/client';
import { familyOf, notify } from './notify.ts';

export interface DeepDischargeNudge {
  deviceId: string;
  beneficiaryId: string | null;
  /** When the episode began (the rule's activation), so a re-evaluation cannot nudge twice. */
  episodeStart: Date;
  socPct: number | null | undefined;
  now: Date;
}

export async function nudgeDeepDischarge(tx: Prisma.TransactionClient, n: DeepDischargeNudge): Promise<number> {
  if (!n.beneficiaryId) return 0;
  const family = await familyOf(tx, n.beneficiaryId);
  return notify(tx, {
    userIds: family,
    kind: 'deep_discharge',
    params: n.socPct === null || n.socPct === undefined ? {} : { socPct: String(Math.round(n.socPct)) },
    // The family home shows the chair's state and how to charge it.
    link: '/',
    dedupeKey: `deep_discharge:${n.deviceId}:${n.episodeStart.getTime()}`,
    now: n.now,
  });
}
