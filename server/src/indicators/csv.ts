// The indicators as CSV, one row per centre, with column headers in Bahasa Indonesia or English.
import type { CentreIndicators } from '../../../schemas/follow-ups.ts';
import type { Locale } from '../../../schemas/common.ts';
import { requestStates } from '../../../schemas/requests.ts';
import { toCsv } from '../lib/csv.ts';

type Column = { id: string; en: string; value: (x: CentreIndicators) => string | number | null };

const stateNames: Record<(typeof requestStates)[number], [string, string]> = {
  referred: ['Dirujuk', 'Referred'],
  assessed: ['Diases', 'Assessed'],
  prescribed: ['Diresepkan', 'Prescribed'],
  approved: ['Disetujui', 'Approved'],
  ordered: ['Dipesan', 'Ordered'],
  prepared: ['Disiapkan', 'Prepared'],
  fitted: ['Dipasang', 'Fitted'],
  trained: ['Dilatih', 'Trained'],
  in_use: ['Digunakan', 'In use'],
  rejected: ['Ditolak', 'Rejected'],
  cancelled: ['Dibatalkan', 'Cancelled'],
};

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

const columns: Column[] = [
  { id: 'Balai', en: 'Centre', value: (x) => x.centreName },
  { id: 'Jumlah permintaan', en: 'Requests', value: (x) => x.requests },
  { id: 'Menunggu persetujuan', en: 'Awaiting approval', value: (x) => x.approvalsWaiting },
  { id: 'Diserahkan', en: 'Delivered', value: (x) => x.deliveries },
  { id: 'Median hari rujukan sampai penyerahan', en: 'Median days referral to delivery', value: (x) => x.referralToDeliveryDays.median },
  { id: 'P90 hari rujukan sampai penyerahan', en: 'P90 days referral to delivery', value: (x) => x.referralToDeliveryDays.p90 },
  { id: '% dipasang', en: '% fitted', value: (x) => pct(x.shares.fitted) },
  { id: '% dilatih', en: '% trained', value: (x) => pct(x.shares.trained) },
  { id: '% tindak lanjut dalam 6 bulan', en: '% followed up within 6 months', value: (x) => pct(x.shares.followedUpWithin6Months) },
  { id: '% dipasang, dilatih dan ditindaklanjuti', en: '% fitted, trained and followed up', value: (x) => pct(x.shares.complete) },
  { id: 'Tindak lanjut terlambat', en: 'Overdue follow-ups', value: (x) => x.followUpsOverdue },
  ...requestStates.map((s) => ({ id: `Status: ${stateNames[s][0]}`, en: `State: ${stateNames[s][1]}`, value: (x: CentreIndicators) => x.requestsByState[s] })),
];

export { csvField } from '../lib/csv.ts';

export function indicatorsCsv(rows: CentreIndicators[], lang: Locale): string {
  const header = columns.map((c) => (lang === 'en' ? c.en : c.id));
  // The byte-order mark lets spreadsheet programs read the UTF-8 as UTF-8.
  return toCsv([header, ...rows.map((r) => columns.map((c) => c.value(r)))], { bom: true });
}
