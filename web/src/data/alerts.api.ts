// A chair's maintenance alerts: list them and acknowledge one.
import { Alert } from '../../../schemas/work-orders.ts';
import { apiRequest, type CheckedList, checkedList } from './api-client.ts';

const AlertRows = checkedList(Alert);

export function listAlerts(query: { deviceId?: string; status?: 'open' | 'cleared' | 'all'; limit?: number }, signal?: AbortSignal): Promise<CheckedList<Alert>> {
  return apiRequest(AlertRows, '/api/alerts', { query: { ...query }, signal });
}

export function acknowledgeAlert(id: string): Promise<Alert> {
  return apiRequest(Alert, `/api/alerts/${encodeURIComponent(id)}/acknowledge`, { method: 'POST' });
}
