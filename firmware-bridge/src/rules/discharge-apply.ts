// Turns the deep-discharge rule's state into records, inside the engine's transaction: one live
// alert per episode (reopened, not duplicated, when the episode comes back), at most one family
// notice per episode and a capped number per chair and day, and past episodes found in a backlog
// written to the chair's history as already-cleared alerts that notify nobody.
import type { Prisma } from '@prisma/client';
import type { Thresholds } from '../../../schemas/maintenance-rules.ts';
import { nudgeDeepDischarge } from '../../../core/notifications/deep-discharge.ts';
import type { DischargeTrack } from './discharge.ts';
import type { ChairRegistryInfo } from './snapshot.ts';
import type { Outcome, RuleState } from './rules.ts';

const DAY = 86_400_000;

export interface DischargeEffects {
  raised: boolean;
  cleared: boolean;
  notified: boolean;
}

export async function applyDeepDischarge(
  tx: Prisma.TransactionClient,
  chair: ChairRegistryInfo,
  prev: RuleState,
  next: RuleState,
  outcome: Outcome,
  now: number,
  t: Thresholds,
): Promise<DischargeEffects> {
  const deviceId = chair.snapshot.deviceId;
  const track = next.data.track as DischargeTrack;
  const notices = ((next.data.notices as number[] | undefined) ?? []).filter((n) => n > now - DAY);
  next.data = { ...next.data, notices };
  const at = new Date(now);
  const effects: DischargeEffects = { raised: false, cleared: false, notified: false };
  const episode = track.episodes.at(-1);

  if (next.active && !prev.active && episode) {
    effects.raised = true;
    const details = JSON.stringify(outcome.alert?.details ?? {});
    const reopen = episode.alerted
      ? await tx.alert.findFirst({ where: { deviceId, kind: 'deep_discharge', NOT: { details: { contains: '"past":true' } } }, orderBy: { createdAt: 'desc' } })
      : null;
    if (reopen) await tx.alert.update({ where: { id: reopen.id }, data: { clearedAt: null, details } });
    else await tx.alert.create({ data: { centreId: chair.centreId, deviceId, beneficiaryId: chair.beneficiaryId, kind: 'deep_discharge', severity: 'info', details, createdAt: at } });
    episode.alerted = true;
    if (!episode.notified && notices.length < t.familyNoticesPerDay && chair.beneficiaryId) {
      // The family nudge to charge, in the same transaction as the alert: one per episode.
      const sent = await nudgeDeepDischarge(tx, { deviceId, beneficiaryId: chair.beneficiaryId, episodeStart: new Date(episode.start), socPct: chair.snapshot.state?.socPct, now: at });
      episode.notified = true;
      if (sent > 0) {
        notices.push(now);
        effects.notified = true;
      }
    }
  } else if (!next.active && prev.active) {
    effects.cleared = true;
    await tx.alert.updateMany({ where: { deviceId, kind: 'deep_discharge', clearedAt: null }, data: { clearedAt: at } });
  }

  // Past episodes: what a backlog showed happened while nobody could be told. History, not alarms.
  // More of the backlog may arrive later and extend one: its record follows.
  for (const e of track.episodes) {
    if (e.end === null || e.alerted) continue;
    const as = `${e.start}:${e.end}:${e.minSocPct}`;
    if (e.recorded && e.recordedAs === as) continue;
    const data = {
      details: JSON.stringify({ past: true, socPct: e.minSocPct, episodeStart: e.start, episodeEnd: e.end }),
      createdAt: new Date(e.start), clearedAt: new Date(e.end),
    };
    if (e.recordId) await tx.alert.update({ where: { id: e.recordId }, data });
    else {
      const created = await tx.alert.create({ data: { ...data, centreId: chair.centreId, deviceId, beneficiaryId: chair.beneficiaryId, kind: 'deep_discharge', severity: 'info' } });
      e.recordId = created.id;
    }
    e.recorded = true;
    e.recordedAs = as;
  }
  return effects;
}
