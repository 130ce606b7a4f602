// The telemetry store interface: every read and write of the telemetry tables (ingest, the API's
// chair and fleet reads, the rules' reads), asynchronous so that a PostgreSQL implementation can
// replace the SQLite one behind the same contract suite (tests/core/telemetry-store.case.ts).
import type { RejectReason, TelemetryV1 } from '../../schemas/telemetry.ts';
import type { FleetReadModel } from './fleet-read-model.ts';
import type { RulesTelemetryReader } from './rules-reads.ts';
import type { TelemetryReader } from './telemetry-reader.ts';

export interface AcceptedSample {
  deviceId: string;
  sample: TelemetryV1;
  receivedAt: number;
}

export interface Rejection {
  receivedAt: number;
  deviceId: string | null;
  clientId: string | null;
  topic: string;
  reason: RejectReason;
  detail: string;
  size: number;
  preview: string | null;
  /**
   * The sequence slot of an invalid sample whose boot id and seq could still be read: recording
   * the rejection fills that slot, so the ack moves past it and the chair stops resending it.
   */
  slot?: { bootId: string; seq: number };
  /**
   * Refusals anyone can cause (a failed CONNECT) are counted into one row per device id, client id,
   * reason, detail and window of this length, instead of a row each.
   */
  countWindowMs?: number;
}

export interface StatusChange {
  deviceId: string;
  online: boolean;
  at: number;
  bootId?: string;
  fw?: string;
}

export interface Batch {
  samples: AcceptedSample[];
  rejections: Rejection[];
  statuses: StatusChange[];
}

export interface CommitResult {
  stored: number;
  duplicates: number;
  /** Samples acknowledged but not stored: the chair's user has no active telemetry consent. */
  withheld: number;
  /**
   * Per chair and boot touched by the batch, the highest contiguous seq now committed; in the order
   * the boots were last seen, so a chair's current boot comes last.
   */
  acks: Map<string, { deviceId: string; bootId: string; seq: number }>;
  /** Chairs whose state changed, for the maintenance rules. */
  touched: Set<string>;
}

/**
 * The ingest side: what the bridge's pipeline writes and needs to acknowledge. Reads here return
 * committed state only: a watermark never counts samples of a commit that has not resolved, so an
 * ack built from it never covers an uncommitted sample (the contract suite checks it).
 */
export interface TelemetryIngest {
  /** Commits the whole batch in one transaction, or rejects and changes nothing (memory included). */
  commit(batch: Batch): Promise<CommitResult>;
  /** True if the id belongs to a registered electric chair. */
  knowsDevice(deviceId: string): Promise<boolean>;
  /** Which of these ids belong to registered electric chairs: one call per batch, not per message. */
  knownDevices(deviceIds: Iterable<string>): Promise<Set<string>>;
  /** Highest contiguous committed seq per boot for a chair, for acks after a reconnect. */
  watermark(deviceId: string, bootId: string): Promise<number>;
  /** Marks every chair offline: at bridge start no chair is connected yet. */
  markAllOffline(): Promise<void>;
}

/**
 * The one store interface. Callers that need only a part may ask for that part's type
 * (TelemetryReader for the chair reads, FleetReadModel, RulesTelemetryReader).
 */
export interface TelemetryStore extends TelemetryIngest, TelemetryReader, FleetReadModel, RulesTelemetryReader {
  close(): Promise<void>;
}
