// The device catalogue (staff read, admins write) and an electric chair's new MQTT secret.
import type { z } from 'zod';
import { DeviceCredentials, type IssueCredentialsBody } from '../../../schemas/device-credentials.ts';
import { DeviceModel, DeviceModelList, type CreateDeviceModelBody, type UpdateDeviceModelBody } from '../../../schemas/device-models.ts';
import { apiRequest } from './api-client.ts';

/** A model as the form sends it (the ISO code as typed: the server normalises it). */
export type ModelInput = z.input<typeof import('../../../schemas/device-models.ts').CreateDeviceModelBody>;

export async function listDeviceModels(signal?: AbortSignal): Promise<DeviceModel[]> {
  return (await apiRequest(DeviceModelList, '/api/device-models', { signal })).items;
}

export function createDeviceModel(body: ModelInput | CreateDeviceModelBody): Promise<DeviceModel> {
  return apiRequest(DeviceModel, '/api/device-models', { method: 'POST', body });
}

export function updateDeviceModel(id: string, body: Partial<ModelInput> | UpdateDeviceModelBody): Promise<DeviceModel> {
  return apiRequest(DeviceModel, `/api/device-models/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function issueCredentials(deviceId: string, body: IssueCredentialsBody): Promise<DeviceCredentials> {
  return apiRequest(DeviceCredentials, `/api/devices/${encodeURIComponent(deviceId)}/credentials`, { method: 'POST', body });
}
