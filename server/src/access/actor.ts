// Who is acting: the signed-in person as every service and scope sees them, without HTTP types.
import type { Locale, Role } from '../../../schemas/common.ts';
import type { ChairTenure } from '../../../core/chair-life/tenure.ts';

export interface Actor {
  id: string;
  role: Role;
  email: string;
  name: string;
  locale: Locale;
  centreId: string | null;
  /** For families: the beneficiaries linked to them (empty for other roles). */
  beneficiaryIds: string[];
  /**
   * For families: their people's chairs now, each with the start of their time with it (computed once
   * per request). A family sees a chair's work orders and state only from then; absent means none.
   */
  chairs?: readonly ChairTenure[];
}
