// What a family's Home shows, gathered per linked beneficiary: chairs, upcoming appointments and
// open reports. The family's views of chairs and work orders carry no beneficiary, so chairs are
// matched through the requests that delivered them (one linked beneficiary needs no matching).
import type { BeneficiarySummary } from '../../../../schemas/beneficiaries.ts';
import type { DeviceSummary } from '../../../../schemas/devices.ts';
import { defaultThresholds } from '../../../../schemas/maintenance-rules.ts';
import { hydrocephalusCategories, ReportCategory, type ReportSummary } from '../../../../schemas/reports.ts';
import type { RequestSummary } from '../../../../schemas/requests.ts';
import type { WorkOrder } from '../../../../schemas/work-orders.ts';
import { listBeneficiaries } from '../../data/beneficiaries.api.ts';
import { listDevices } from '../../data/devices.api.ts';
import { listReports } from '../../data/reports.api.ts';
import { getRequest, listRequests } from '../../data/requests.api.ts';
import { listWorkOrders } from '../../data/work-orders.api.ts';

export type Appointment =
  | { kind: 'appointment'; at: string; type: RequestSummary['appointmentType']; href: string }
  | { kind: 'followUp'; at: string; href: string }
  | { kind: 'visit'; at: string; what: WorkOrder['kind']; location: WorkOrder['location'] };

export interface FamilyPerson {
  beneficiary: BeneficiarySummary;
  chairs: DeviceSummary[];
  appointments: Appointment[];
  reports: ReportSummary[];
}

const DAY = 86_400_000;
/** Requests that have a chair attached (prepared onwards). */
const withChair = new Set(['prepared', 'fitted', 'trained', 'in_use']);

/** A battery low enough to nudge charging: the deep-discharge level of the maintenance rules. */
export const LOW_BATTERY_PCT = defaultThresholds.deepDischargeSocPct;

async function chairOwners(requests: RequestSummary[], signal?: AbortSignal): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  const details = await Promise.all(requests.filter((r) => withChair.has(r.state)).map((r) => getRequest(r.id, signal)));
  for (const d of details) if (d.device) owners.set(d.device.id, d.beneficiary.id);
  return owners;
}

export async function loadFamilyHome(signal?: AbortSignal, now = Date.now()): Promise<FamilyPerson[]> {
  const [people, devices, requests, workOrders, reports] = await Promise.all([
    listBeneficiaries({ limit: 50 }, signal),
    listDevices({ limit: 50 }, signal),
    listRequests({ limit: 50 }, signal),
    listWorkOrders({ status: 'active', limit: 50 }, signal),
    listReports({ open: 'true', limit: 50 }, signal),
  ]);
  const single = people.items.length === 1 ? people.items[0]!.id : undefined;
  const owners = single ? new Map<string, string>() : await chairOwners(requests.items, signal);
  const ownerOf = (deviceId: string | null) => (deviceId ? (single ?? owners.get(deviceId)) : undefined);
  const reportOwner = new Map(reports.items.map((r) => [r.id, r.beneficiary.id]));
  return people.items.map((beneficiary) => {
    const mine = (id: string | undefined) => id === beneficiary.id;
    const appointments: Appointment[] = [];
    for (const r of requests.items.filter((x) => mine(x.beneficiary.id))) {
      if (r.appointmentAt && Date.parse(r.appointmentAt) > now - DAY && !withChair.has(r.state)) {
        appointments.push({ kind: 'appointment', at: r.appointmentAt, type: r.appointmentType, href: `/requests/${r.id}` });
      }
      if (r.nextFollowUpAt) appointments.push({ kind: 'followUp', at: r.nextFollowUpAt, href: `/requests/${r.id}` });
    }
    for (const w of workOrders.items) {
      const owner = ownerOf(w.deviceId) ?? (w.reportId ? reportOwner.get(w.reportId) : undefined);
      if (w.scheduledAt && mine(owner) && Date.parse(w.scheduledAt) > now - DAY) {
        appointments.push({ kind: 'visit', at: w.scheduledAt, what: w.kind, location: w.location });
      }
    }
    appointments.sort((a, b) => a.at.localeCompare(b.at));
    return {
      beneficiary,
      chairs: devices.items.filter((d) => mine(ownerOf(d.id))),
      appointments,
      reports: reports.items.filter((r) => mine(r.beneficiary.id)),
    };
  });
}

/**
 * The pictures to offer: what the server accepts for this person (the hydrocephalus danger signs
 * only with hydrocephalus, decided on the server without sending the diagnosis), and the battery
 * pictures only with an electric chair (or when the chairs are not known).
 */
export function categoriesFor(allowed: readonly ReportCategory[], chairs: readonly Pick<DeviceSummary, 'kind'>[]): ReportCategory[] {
  const electric = chairs.length === 0 || chairs.some((c) => c.kind === 'electric');
  return allowed.filter((c) => electric || (c !== 'battery_drains' && c !== 'wont_charge'));
}
