// The telemetry store's reads for the maintenance rules (part of TelemetryStore): what a chair's
// snapshot needs from its telemetry, and its samples in order for the deep-discharge episodes.
import type { CapacityReading } from './telemetry-reader.ts';

/** One sample as the deep-discharge rule reads it. */
export interface DischargeSample {
  ts: number;
  socPct: number;
  charging: boolean;
}

export interface SeriesSample extends DischargeSample {
  /** When the bridge received it. */
  receivedAt: number;
}

/** A chair's latest state as the rules read it. */
export interface RulesChairState {
  socPct: number | null;
  charging: boolean | null;
  tempC: number | null;
  cycleCount: number | null;
  fullChargeAh: number | null;
  odometerM: number | null;
  faults: { code: string; active: boolean }[];
  receivedAt: number | null;
  /** The newest sample's own time, and its row (the head of the chair's chain). */
  ts: number | null;
  rawId: number | null;
}

export interface RulesTelemetryQuery {
  /** Today, for whose consent counts. */
  now: number;
  /** Driving time is summed per UTC day (days since the epoch) from this day on. */
  fromDay: number;
  /** Capacity readings from this time on; null when none are wanted (no rated capacity). */
  capacityFrom: number | null;
  /** The odometer at the first hour from this time on; null when it is not wanted. */
  odometerFrom: number | null;
}

export interface RulesTelemetry {
  /** The chair's user has no active telemetry consent. */
  telemetryOff: boolean;
  /** null: the chair never reported. */
  chair: {
    /** The chair's key in the telemetry tables. */
    key: number;
    state: RulesChairState;
    /** Driving seconds per UTC day that has samples, from `fromDay` on. */
    motorSecondsByDay: Map<number, number>;
    capacity: CapacityReading[];
    /** null when not asked for or no sample since. */
    odometerFrom: number | null;
  } | null;
}

export interface RulesTelemetryReader {
  rulesTelemetry(deviceId: string, q: RulesTelemetryQuery): Promise<RulesTelemetry>;
  /** The chair's samples stored after row `cursor` up to row `head`, sorted by ts then storage order. */
  dischargeSince(deviceKey: number, head: number, cursor: number): Promise<SeriesSample[]>;
  /** Every stored sample of the chair with ts after `from` (its chain ends at row `head`), sorted likewise. */
  dischargeAfter(deviceKey: number, head: number, from: number): Promise<SeriesSample[]>;
}
