// The counts on a staff member's Home, as the server scopes them for the reader's role.
import { HomeSummary } from '../../../schemas/home.ts';
import { apiRequest } from './api-client.ts';

export type { HomeSummary };

export function loadHomeSummary(signal?: AbortSignal): Promise<HomeSummary> {
  return apiRequest(HomeSummary, '/api/home', { signal });
}
