// A chair's life: its history, the loans list, the centres it may be sent to, and each step.
import type { z } from 'zod';
import {
  type BatteryBody,
  DeviceHistory,
  type LoanBody,
  LoanList,
  type ReceiveBody,
  type RetireBody,
  type ReturnBody,
  type TransferBody,
  TransferTargets,
} from '../../../schemas/chair-life.ts';
import { DeviceDetail } from '../../../schemas/devices.ts';
import { apiRequest } from './api-client.ts';

export function getHistory(deviceId: string, signal?: AbortSignal): Promise<DeviceHistory> {
  return apiRequest(DeviceHistory, `/api/devices/${encodeURIComponent(deviceId)}/history`, { signal });
}

export function listLoans(query: { overdue?: 'true'; status?: 'open' | 'returned' | 'all'; limit?: number; offset?: number }, signal?: AbortSignal): Promise<LoanList> {
  return apiRequest(LoanList, '/api/loans', { query: { ...query }, signal });
}

export async function transferTargets(signal?: AbortSignal) {
  return (await apiRequest(TransferTargets, '/api/transfer-targets', { signal })).items;
}

/** The body each step takes, by the path segment that names it. */
export interface StepBodies {
  loan: z.input<typeof LoanBody>;
  return: z.input<typeof ReturnBody>;
  transfer: z.input<typeof TransferBody>;
  receive: z.input<typeof ReceiveBody>;
  battery: z.input<typeof BatteryBody>;
  retire: z.input<typeof RetireBody>;
}

/** One step on a chair; answers the chair afterwards. */
export function chairStep<K extends keyof StepBodies>(deviceId: string, step: K, body: StepBodies[K]): Promise<DeviceDetail> {
  return apiRequest(DeviceDetail, `/api/devices/${encodeURIComponent(deviceId)}/${step}`, { method: 'POST', body });
}
