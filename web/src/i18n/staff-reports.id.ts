// Indonesian words of the staff-reports pages (spread into id.ts; en.ts must match key for key).
export const staffReportsId = {
} as const;
