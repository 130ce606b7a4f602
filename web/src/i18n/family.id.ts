// Indonesian words of the family pages (spread into id.ts; en.ts must match key for key).
export const familyId = {
} as const;
