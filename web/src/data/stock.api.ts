// Stock: a centre's chairs counted by model, size and status, and chairs received into stock.
import { StockedDeviceList, StockView, type DeviceIntake, type StockedDevice } from '../../../schemas/stock.ts';
import { apiRequest } from './api-client.ts';

/** Staff get their own centre; admins the one named, or every centre when none is. */
export function getStock(centreId: string | undefined, signal?: AbortSignal): Promise<StockView> {
  return apiRequest(StockView, '/api/stock', { query: { centreId }, signal });
}

/**
 * Receives chairs, all or nothing: one chair is sent as itself, several as `{ items }`. A refused
 * row comes back as a 422 (or 409) whose issues name `[field]` or `['items', index, field]`.
 */
export async function receiveDevices(rows: readonly DeviceIntake[]): Promise<StockedDevice[]> {
  const body = rows.length === 1 ? rows[0] : { items: rows };
  return (await apiRequest(StockedDeviceList, '/api/devices', { method: 'POST', body })).items;
}
