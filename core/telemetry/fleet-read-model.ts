// The telemetry store's fleet reads for the dashboard (part of TelemetryStore): devices with their
// model, centre, user, latest chair state, open alert and work-order counts and telemetry consent.
import type { DeviceKind, DeviceStatus, TelemetryOff } from '../../schemas/devices.ts';
import type { AlertSeverity } from '../../schemas/work-orders.ts';
import type { ChairStateRow } from './telemetry-reader.ts';

/** Alert kinds with clinical meaning (a family's red-flag report): technicians do not see them. */
export const CLINICAL_ALERT_KINDS = ['red_flag'] as const;

export interface FleetRow {
  id: string;
  serial: string;
  status: DeviceStatus;
  centreId: string;
  centreName: string;
  createdAt: Date;
  lastServiceAt: Date | null;
  lastServiceOdometerM: number | null;
  batteryInstalledAt: Date | null;
  beneficiary: { id: string; name: string } | null;
  model: {
    id: string;
    name: string;
    manufacturer: string;
    kind: DeviceKind;
    batteryChemistry: string | null;
    ratedAh: number | null;
    ratedCycles: number | null;
    serviceIntervalKm: number | null;
    serviceIntervalMonths: number;
    /** The model's own maintenance thresholds as stored (JSON), or null for the defaults. */
    thresholds: string | null;
  };
  /** Open alerts by severity (kinds the reader may not see are left out). */
  alerts: Partial<Record<AlertSeverity, number>>;
  /** Open alerts of clinical kinds by severity, whoever reads (counted in `alerts` unless hidden). */
  clinicalAlerts: Partial<Record<AlertSeverity, number>>;
  activeWorkOrders: number;
  /** Why the chair's telemetry is not kept (its user has no active telemetry consent), or null. */
  telemetryOff: TelemetryOff | null;
  /** Samples acknowledged but not stored for want of consent (detail only; 0 in lists). */
  withheld: number;
  /** The battery-wear forecast the rules engine last stored (JSON), if any. */
  wearForecast: string | null;
  /** The latest state, for electric chairs that have reported. */
  state: ChairStateRow | undefined;
  /** While in transit: the receiving centre, whose staff see the chair too. */
  transitToCentreId: string | null;
}

export interface FleetScope {
  /** null: every centre (admins). */
  centreId: string | null;
  /** Families: only chairs of these beneficiaries. */
  beneficiaryIds?: readonly string[];
  /** Only these devices (a fleet cache refreshing the chairs that changed). */
  deviceIds?: readonly string[];
}

export interface FleetFilter {
  status?: DeviceStatus;
  kind?: DeviceKind;
  /** Matches the serial, or (when `searchNames`) the beneficiary's name. */
  q?: string;
  searchNames?: boolean;
  /** Leave alerts with clinical meaning out of the counts (for technicians). */
  hideClinicalAlerts: boolean;
  /** Today, for whose consent counts (a child's own does not). */
  now?: Date;
}

export interface DeviceLocation {
  id: string;
  centreId: string;
  beneficiaryId: string | null;
  /** While in transit: the receiving centre. */
  transitToCentreId: string | null;
  /** The chair's key in the telemetry tables; null if it never reported. */
  chairKey: number | null;
}

/** What the fleet list reads changed since a version (fleet_change, stamped by database triggers). */
export interface FleetChanges {
  /** The newest version among the changes (the one asked about when nothing changed). */
  version: number;
  /** The devices changed after the version asked about, deleted ones included. */
  deviceIds: string[];
}

export interface FleetReadModel {
  fleetList(scope: FleetScope, filter: FleetFilter): Promise<FleetRow[]>;
  /** The newest change version: a cache loaded after reading it has seen every change up to it. */
  fleetVersion(): Promise<number>;
  /** The devices whose fleet row changed after `version`; one indexed read, empty when nothing did. */
  fleetChangesSince(version: number): Promise<FleetChanges>;
  fleetRow(id: string, hideClinicalAlerts: boolean, now?: Date): Promise<FleetRow | undefined>;
  /** Just enough to check access to a device and find its telemetry. */
  locateDevice(id: string): Promise<DeviceLocation | undefined>;
}
