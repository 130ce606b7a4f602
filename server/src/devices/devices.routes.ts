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
import { IdParams, roles, staffRoles } from '../../../schemas/common.ts';
import { defineRoute, json } from '../http/route.ts';

const tags = ['devices'];

export const list = defineRoute(roles, {
  method: 'get',
  path: '/api/devices',
  tags,
  summary: 'The fleet in scope with each chair\'s latest state; staffRoles also get risk, open alerts and work orders',
  description:
    'Staff see their centre (admins all, or one with `centreId`); families see only the chairs of their linked beneficiaries, ' +
    'with state, battery, last seen and service due. Risk is derived from open alerts, battery capacity and silence.',
  request: { query: DeviceListQuery },
  responses: { 200: json(DeviceList, 'The fleet') },
});

export const get = defineRoute(roles, {
  method: 'get',
  path: '/api/devices/{id}',
  tags,
  summary: 'One device with its latest telemetry state, model, counters and service due',
  request: { params: IdParams },
  responses: { 200: json(DeviceDetail, 'The device') },
});

export const telemetry = defineRoute(staffRoles, {
  method: 'get',
  path: '/api/devices/{id}/telemetry',
  tags,
  summary: 'A chair\'s telemetry between two instants: raw samples (≤ 48 h), hourly or daily (UTC) rollups (≤ 31 days)',
  description: 'Raw series longer than 5000 samples are thinned evenly (`stride`). Units are listed in `units`.',
  request: { params: IdParams, query: TelemetryQuery },
  responses: { 200: json(TelemetrySeries, 'The series, oldest first') },
});

export const rejected = defineRoute(staffRoles, {
  method: 'get',
  path: '/api/devices/{id}/rejected-messages',
  tags,
  summary: 'Messages from this chair the bridge refused, newest first, with counts by reason',
  request: { params: IdParams, query: RejectedMessageQuery },
  responses: { 200: json(RejectedMessageList, 'Refused messages') },
});
