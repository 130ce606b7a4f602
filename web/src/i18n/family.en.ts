// English words of the family pages; the type demands exactly the keys of family.id.ts.
import type { familyId } from './family.id.ts';

export const familyEn: Record<keyof typeof familyId, string> = {
};
