// Turns the deep-discharge rule's state into records, through the maintenance service inside the
// engine's transaction: one live alert per episode (reopened, not duplicated, when the episode comes
// back), at most one family notice per episode and a capped number per chair and day, and past
// episodes found in a backlog written to the chair's history as already-cleared alerts that notify nobody.
import type { Thresholds } from '../../../schemas/maintenance-rules.ts';
import { nudgeDeepDischarge } from '../../../core/notifications/deep-discharge.ts';
import { clearAlerts, type Lifecycle, raiseAlert, recordPastAlert } from '../../../core/maintenance/maintenance.service.ts';
import type { Outcome, RuleChair } from '../../../core/maintenance/outcome.ts';
import type { DischargeTrack } from './discharge.ts';
import type { RuleState } from './rules.ts';

const DAY = 86_400_000;

export interface DischargeEffects {
  raised: boolean;
  cleared: boolean;
  notified: boolean;
}

/** For a rule whose outcome's alert follows its own episodes (`alert.follows: 'episode'`). */
export async function applyEpisodes(
  l: Lifecycle,
  chair: RuleChair & { socPct: number | null | undefined },
  rule: string,
  prev: RuleState,
  next: RuleState,
  outcome: Outcome,
  t: Thresholds,
): Promise<DischargeEffects> {
  const { deviceId, centreId, beneficiaryId } = chair;
  const now = l.now.getTime();
  const track = next.data.track as DischargeTrack;
  const notices = ((next.data.notices as number[] | undefined) ?? []).filter((n) => n > now - DAY);
  next.data = { ...next.data, notices };
  const effects: DischargeEffects = { raised: false, cleared: false, notified: false };
  const episode = track.episodes.at(-1);
  const severity = outcome.alert?.severity ?? 'info';

  if (next.active && !prev.active && episode) {
    effects.raised = true;
    // The episode's live alert, never a past one written from a backlog.
    const reopen = episode.alerted
      ? await l.tx.alert.findFirst({ where: { deviceId, kind: rule, NOT: { details: { contains: '"past":true' } } }, orderBy: { createdAt: 'desc' }, select: { id: true, workOrderId: true } })
      : null;
    await raiseAlert(l, { centreId, deviceId, beneficiaryId, kind: rule, severity, details: outcome.alert?.details ?? {}, reopen });
    episode.alerted = true;
    if (!episode.notified && notices.length < t.familyNoticesPerDay && beneficiaryId) {
      // The family nudge to charge, in the same transaction as the alert: one per episode.
      const sent = await nudgeDeepDischarge(l.tx, { deviceId, beneficiaryId, episodeStart: new Date(episode.start), socPct: chair.socPct, now: l.now });
      episode.notified = true;
      if (sent > 0) {
        notices.push(now);
        effects.notified = true;
      }
    }
  } else if (!next.active && prev.active) {
    effects.cleared = true;
    await clearAlerts(l, { deviceId, kind: rule });
  }

  // Past episodes: what a backlog showed happened while nobody could be told. History, not alarms.
  // More of the backlog may arrive later and extend one: its record follows.
  for (const e of track.episodes) {
    if (e.end === null || e.alerted) continue;
    const as = `${e.start}:${e.end}:${e.minSocPct}`;
    if (e.recorded && e.recordedAs === as) continue;
    e.recordId = await recordPastAlert(l, {
      centreId, deviceId, beneficiaryId, kind: rule, severity, recordId: e.recordId,
      details: { past: true, socPct: e.minSocPct, episodeStart: e.start, episodeEnd: e.end }, from: new Date(e.start), to: new Date(e.end),
    });
    e.recorded = true;
    e.recordedAs = as;
  }
  return effects;
}
