// The work-order queue and the alerts it answers: list, read, open, move through the state machine,
// and acknowledge an alert.
import { Alert, CreateWorkOrderBody, type WorkOrderAction, WorkOrder, WorkOrderDetail, type WorkOrderListQuery } from '../../../schemas/work-orders.ts';
import type { z } from 'zod';
import { apiRequest, type CheckedList, checkedList } from './api-client.ts';

export type QueueQuery = Partial<WorkOrderListQuery>;

const WorkOrderRows = checkedList(WorkOrder);
const AlertRows = checkedList(Alert);

/** The queue; a row the app cannot read is counted in `skipped`, never failing the page. */
export function listWorkOrders(query: QueueQuery, signal?: AbortSignal): Promise<CheckedList<WorkOrder>> {
  return apiRequest(WorkOrderRows, '/api/work-orders', { query: { ...query }, signal });
}

export function getWorkOrder(id: string, signal?: AbortSignal): Promise<WorkOrderDetail> {
  return apiRequest(WorkOrderDetail, `/api/work-orders/${encodeURIComponent(id)}`, { signal });
}

export function createWorkOrder(body: z.input<typeof CreateWorkOrderBody>): Promise<WorkOrderDetail> {
  return apiRequest(WorkOrderDetail, '/api/work-orders', { method: 'POST', body });
}

export function moveWorkOrder(id: string, action: WorkOrderAction): Promise<WorkOrderDetail> {
  return apiRequest(WorkOrderDetail, `/api/work-orders/${encodeURIComponent(id)}`, { method: 'PATCH', body: action });
}

export function listAlerts(query: { deviceId?: string; status?: 'open' | 'cleared' | 'all'; limit?: number }, signal?: AbortSignal): Promise<CheckedList<Alert>> {
  return apiRequest(AlertRows, '/api/alerts', { query: { ...query }, signal });
}

export function acknowledgeAlert(id: string): Promise<Alert> {
  return apiRequest(Alert, `/api/alerts/${encodeURIComponent(id)}/acknowledge`, { method: 'POST' });
}
