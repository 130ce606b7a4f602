// A centre's service indicators, as figures and as a CSV download.
import { CentreIndicators } from '../../../schemas/follow-ups.ts';
import { apiRequest } from './api-client.ts';

export function getIndicators(signal?: AbortSignal) {
  return apiRequest(CentreIndicators, '/api/indicators', { signal });
}

/** The CSV export's address (a plain download link: the session cookie goes along). */
export const indicatorsCsvHref = (lang: 'id' | 'en') => `/api/indicators/csv?lang=${lang}`;
