// The work-order queue: list, read, open, and move through the state machine.
import { CreateWorkOrderBody, type WorkOrderAction, WorkOrder, WorkOrderDetail, type WorkOrderListQuery } from '../../../schemas/work-orders.ts';
import type { z } from 'zod';
import { apiRequest, type CheckedList, checkedList } from './api-client.ts';

export type QueueQuery = Partial<WorkOrderListQuery>;

const WorkOrderRows = checkedList(WorkOrder);

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
