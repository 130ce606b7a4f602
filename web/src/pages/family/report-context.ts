// Who a family can report for, and what kind of chairs they have: fetched when online and kept on
// the phone (names only, this account's own), so the report flow also opens without a connection.
import type { BeneficiarySummary } from '../../../../schemas/beneficiaries.ts';
import type { DeviceSummary } from '../../../../schemas/devices.ts';
import { isApiError } from '../../data/api-error.ts';
import { reportContextKey as key } from '../../data/device-data.ts';
import { listBeneficiaries } from '../../data/beneficiaries.api.ts';
import { listDevices } from '../../data/devices.api.ts';

export type ReportPerson = Pick<BeneficiarySummary, 'id' | 'fullName' | 'reportCategories'>;
export interface ReportContext {
  people: ReportPerson[];
  chairs: Pick<DeviceSummary, 'kind'>[];
}

/** Keeps what the report flow needs for use without a connection. */
export function rememberContext(userId: string, people: readonly BeneficiarySummary[], chairs: readonly DeviceSummary[]): void {
  const ctx: ReportContext = {
    people: people.map((p) => ({ id: p.id, fullName: p.fullName, reportCategories: p.reportCategories })),
    chairs: chairs.map((c) => ({ kind: c.kind })),
  };
  try {
    localStorage.setItem(key(userId), JSON.stringify(ctx));
  } catch {
    // Storage refused (private mode, full): the flow then needs a connection.
  }
}

function remembered(userId: string): ReportContext | undefined {
  try {
    const raw = localStorage.getItem(key(userId));
    return raw ? (JSON.parse(raw) as ReportContext) : undefined;
  } catch {
    return undefined;
  }
}

/** From the server when it answers; the copy on the phone when there is no connection. */
export async function loadReportContext(userId: string, signal?: AbortSignal): Promise<ReportContext> {
  try {
    const [people, chairs] = await Promise.all([listBeneficiaries({ limit: 50 }, signal), listDevices({ limit: 50 }, signal)]);
    rememberContext(userId, people.items, chairs.items);
    return { people: people.items, chairs: chairs.items };
  } catch (err) {
    const copy = isApiError(err) && err.code === 'network' ? remembered(userId) : undefined;
    if (copy) return copy;
    throw err;
  }
}
