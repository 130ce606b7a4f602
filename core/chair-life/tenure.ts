// When a chair became its current user's: a family sees a chair's work orders and state only from
// the start of their person's time with it, never a previous user's (issue 13 §4, re-issue).
import type { DeviceEventKind } from '../../schemas/chair-life.ts';

/** The steps that hand a chair to a person. */
export const handOverKinds = ['reserved', 'issued', 'loaned'] as const satisfies readonly DeviceEventKind[];
/** The steps that end a person's time with a chair. */
export const handBackKinds = ['returned'] as const satisfies readonly DeviceEventKind[];
/** Every step that can start or end someone's time with a chair (what a tenure is computed from). */
export const tenureKinds: readonly DeviceEventKind[] = [...handOverKinds, ...handBackKinds];

export interface TenureStep {
  kind: string;
  beneficiaryId: string | null;
  at: Date;
}

/** A chair assigned to one of a family's people, and since when its data is theirs (null: all of it). */
export interface ChairTenure {
  deviceId: string;
  since: Date | null;
}

/**
 * The start of `beneficiaryId`'s current time with a chair: the first hand-over to them after the
 * chair last came back or went to someone else. Without such a step (rows changed by hand) the last
 * of those boundaries, so nothing of an earlier user shows; null only when the chair has no recorded
 * hand-over or return at all (assigned before its history was kept, so they are its only known user).
 */
export function tenureStart(steps: readonly TenureStep[], beneficiaryId: string): Date | null {
  let start: Date | null = null;
  let boundary: Date | null = null;
  const ordered = [...steps].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const s of ordered) {
    const handOver = (handOverKinds as readonly string[]).includes(s.kind);
    if (handOver && s.beneficiaryId === beneficiaryId) {
      start ??= s.at;
    } else if (handOver || (handBackKinds as readonly string[]).includes(s.kind)) {
      start = null;
      boundary = s.at;
    }
  }
  return start ?? boundary;
}

/** Whether something that happened at `at` on a chair falls within the family's time with it. */
export function withinTenure(tenures: readonly ChairTenure[] | undefined, deviceId: string, at: Date | number): boolean {
  const t = tenures?.find((c) => c.deviceId === deviceId);
  if (!t) return false;
  return t.since === null || (typeof at === 'number' ? at : at.getTime()) >= t.since.getTime();
}
