// English words of the staff-reports pages; the type demands exactly the keys of staff-reports.id.ts.
import type { staffReportsId } from './staff-reports.id.ts';

export const staffReportsEn: Record<keyof typeof staffReportsId, string> = {
};
