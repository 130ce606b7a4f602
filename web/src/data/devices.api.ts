// The fleet as the signed-in user may see it: chairs with their latest state, one chair, its
// telemetry series and the messages the bridge refused from it.
import { DeviceDetail, DeviceList, type DeviceListQuery, RejectedMessageList, type TelemetryResolution, TelemetrySeries } from '../../../schemas/devices.ts';
import { apiRequest } from './api-client.ts';

export type FleetQuery = Partial<Pick<DeviceListQuery, 'q' | 'status' | 'kind' | 'risk' | 'sort' | 'order' | 'limit' | 'offset'>>;

export function listDevices(query: FleetQuery, signal?: AbortSignal): Promise<DeviceList> {
  return apiRequest(DeviceList, '/api/devices', { query: { ...query }, signal });
}

export function getDevice(id: string, signal?: AbortSignal): Promise<DeviceDetail> {
  return apiRequest(DeviceDetail, `/api/devices/${encodeURIComponent(id)}`, { signal });
}

export function getTelemetry(id: string, q: { from: Date; to: Date; resolution: TelemetryResolution }, signal?: AbortSignal): Promise<TelemetrySeries> {
  return apiRequest(TelemetrySeries, `/api/devices/${encodeURIComponent(id)}/telemetry`, {
    query: { from: q.from.toISOString(), to: q.to.toISOString(), resolution: q.resolution },
    signal,
  });
}

export function listRejected(id: string, query: { limit?: number; offset?: number }, signal?: AbortSignal): Promise<RejectedMessageList> {
  return apiRequest(RejectedMessageList, `/api/devices/${encodeURIComponent(id)}/rejected-messages`, { query: { ...query }, signal });
}
