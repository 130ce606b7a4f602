// Who is acting: the signed-in person as every service and scope sees them, without HTTP types.
import type { Locale, Role } from '../../../schemas/common.ts';

export interface Actor {
  id: string;
  role: Role;
  email: string;
  name: string;
  locale: Locale;
  centreId: string | null;
  /** For families: the beneficiaries linked to them (empty for other roles). */
  beneficiaryIds: string[];
}
