// Route declarations for the fleet: devices with their latest state, telemetry series and the
// messages the bridge refused.
import {
  DeviceDetail,
  DeviceList,
  DeviceListQuery,
  RejectedMessageList,
  RejectedMessageQuery,
  TelemetryQuery,
  TelemetrySeries,
} from '../../../schemas/devices.ts';
import { roles, staffRoles } from '../../../schemas/common.ts';
import { json, routeGroup } from '../http/route.ts';

const route = routeGroup('devices');

export const list = route.get(roles, '/api/devices', { query: DeviceListQuery, 200: json(DeviceList, 'The fleet') },
  'The fleet in scope with each chair\'s latest state; staff also get risk, open alerts and work orders',
  'Staff see their centre (admins all, or one with `centreId`); families see only the chairs of their linked beneficiaries, ' +
  'with state, battery, last seen and service due. Risk is derived from open alerts, battery capacity and silence.');

export const get = route.get(roles, '/api/devices/{id}', { 200: json(DeviceDetail, 'The device') },
  'One device with its latest telemetry state, model, counters and service due');

export const telemetry = route.get(
  staffRoles, '/api/devices/{id}/telemetry',
  { query: TelemetryQuery, 200: json(TelemetrySeries, 'The series, oldest first') },
  'A chair\'s telemetry between two instants: raw samples (≤ 48 h), hourly or daily (UTC) rollups (≤ 31 days)',
  'Raw series longer than 5000 samples are thinned evenly (`stride`). Units are listed in `units`.');

export const rejected = route.get(
  staffRoles, '/api/devices/{id}/rejected-messages',
  { query: RejectedMessageQuery, 200: json(RejectedMessageList, 'Refused messages') },
  'Messages from this chair the bridge refused, newest first, with counts by reason');
