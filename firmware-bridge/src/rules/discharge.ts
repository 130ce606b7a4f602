// Deep-discharge episodes from a chair's samples in timestamp order (pure). An episode starts at a
// sample under the deep level while not charging, and clears at the clear level or once charging
// has lasted a set time, never on the charger flag alone (a loose plug flips it). One that returns
// within the quiet period is the same episode. docs/maintenance-rules.md describes the rule.
import type { Thresholds } from '../../../schemas/maintenance-rules.ts';
import type { DischargeSample } from '../../../core/telemetry/rules-reads.ts';

export type { DischargeSample };

const MINUTE = 60_000;

export interface Episode {
  start: number;
  /** When it cleared (sample time); null while it lasts. */
  end: number | null;
  /** Lowest charge seen in it. */
  minSocPct: number;
  /** A live alert was opened for it (it was the present at some point). */
  alerted?: boolean;
  /** The family was told. */
  notified?: boolean;
  /** Recorded in the chair's history as a past episode (found in a backlog). */
  recorded?: boolean;
  /** That history record, and what it said (start:end:min), so a later replay can correct it. */
  recordId?: string;
  recordedAs?: string;
}

/** What the tracker remembers between evaluations (stored in the rule's state). */
export interface DischargeTrack {
  episodes: Episode[];
  /** Start of the current unbroken charging run while an episode lasts. */
  chargingSince: number | null;
  /** Newest sample time processed. */
  lastTs: number | null;
}

export const emptyTrack = (): DischargeTrack => ({ episodes: [], chargingSince: null, lastTs: null });

type DischargeThresholds = Pick<Thresholds, 'deepDischargeSocPct' | 'deepDischargeClearSocPct' | 'deepDischargeChargingClearMinutes' | 'quietMinutes'>;

/** Feeds samples (sorted by ts, none older than `track.lastTs`) into the tracker; returns a new one. */
export function advance(track: DischargeTrack, samples: DischargeSample[], t: DischargeThresholds): DischargeTrack {
  const episodes = track.episodes.map((e) => ({ ...e }));
  let chargingSince = track.chargingSince;
  let lastTs = track.lastTs;
  for (const s of samples) {
    if (lastTs !== null && s.ts < lastTs) continue; // judged already (callers replay older ones)
    lastTs = s.ts;
    const last = episodes.at(-1);
    const low = s.socPct < t.deepDischargeSocPct && !s.charging;
    if (low) {
      chargingSince = null;
      if (last && last.end === null) last.minSocPct = Math.min(last.minSocPct, s.socPct);
      else if (last && last.end !== null && s.ts - last.end < t.quietMinutes * MINUTE) {
        last.end = null; // back within the quiet period: the same episode goes on
        last.minSocPct = Math.min(last.minSocPct, s.socPct);
      } else episodes.push({ start: s.ts, end: null, minSocPct: s.socPct });
      continue;
    }
    if (!last || last.end !== null) continue;
    if (s.socPct >= t.deepDischargeClearSocPct) {
      last.end = s.ts;
      chargingSince = null;
    } else if (s.charging) {
      chargingSince ??= s.ts;
      if (s.ts - chargingSince >= t.deepDischargeChargingClearMinutes * MINUTE) {
        last.end = s.ts;
        chargingSince = null;
      }
    } else chargingSince = null;
  }
  return { episodes, chargingSince, lastTs };
}

/**
 * Where to replay from when samples older than `lastTs` arrive: a time before `from` at which no
 * episode lasts or could still be continued, so the tracker is idle there.
 */
export function replayStart(track: DischargeTrack, from: number, quietMinutes: number): number {
  let t = from - 1;
  for (let i = track.episodes.length - 1; i >= 0; i--) {
    const e = track.episodes[i]!;
    if (e.start <= t && (e.end === null || t <= e.end + quietMinutes * MINUTE)) t = e.start - 1;
  }
  return t;
}

/**
 * The tracker after replaying `samples` (every stored sample after `start`, sorted) on top of the
 * episodes before `start`. Replayed episodes keep the marks (alerted, notified, recorded) of the
 * episodes they overlap, so a replay never alerts or notifies twice for one episode.
 */
export function replay(track: DischargeTrack, start: number, samples: DischargeSample[], t: DischargeThresholds): DischargeTrack {
  const before = track.episodes.filter((e) => e.start <= start);
  const after = track.episodes.filter((e) => e.start > start);
  const next = advance({ episodes: before, chargingSince: null, lastTs: start }, samples, t);
  for (const e of next.episodes.slice(before.length)) {
    for (const old of after) {
      const overlaps = old.start <= (e.end ?? Infinity) && e.start <= (old.end ?? Infinity);
      if (!overlaps) continue;
      e.alerted ||= old.alerted;
      e.notified ||= old.notified;
      e.recorded ||= old.recorded;
      if (old.recordId && !e.recordId) {
        e.recordId = old.recordId;
        e.recordedAs = old.recordedAs;
      }
    }
  }
  if (track.lastTs !== null && (next.lastTs === null || next.lastTs < track.lastTs)) next.lastTs = track.lastTs;
  return next;
}
