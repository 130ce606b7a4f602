// The indicators as CSV, one row per centre, with column headers in Bahasa Indonesia or English (core/i18n).
import type { CentreIndicators } from '../../../schemas/follow-ups.ts';
import type { Locale } from '../../../schemas/common.ts';
import { requestStates } from '../../../schemas/requests.ts';
import { toCsv } from '../lib/csv.ts';
import { say, type TextKey } from '../../../core/i18n/say.ts';

type Column = { header: (lang: Locale) => string; value: (x: CentreIndicators) => string | number | null };

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
const head = (key: TextKey) => (lang: Locale) => say(lang, key);

const columns: Column[] = [
  { header: head('indicators.csv.centre'), value: (x) => x.centreName },
  { header: head('indicators.csv.requests'), value: (x) => x.requests },
  { header: head('indicators.csv.awaitingApproval'), value: (x) => x.approvalsWaiting },
  { header: head('indicators.csv.delivered'), value: (x) => x.deliveries },
  { header: head('indicators.csv.medianDays'), value: (x) => x.referralToDeliveryDays.median },
  { header: head('indicators.csv.p90Days'), value: (x) => x.referralToDeliveryDays.p90 },
  { header: head('indicators.csv.fittedPct'), value: (x) => pct(x.shares.fitted) },
  { header: head('indicators.csv.trainedPct'), value: (x) => pct(x.shares.trained) },
  { header: head('indicators.csv.followedUpPct'), value: (x) => pct(x.shares.followedUpWithin6Months) },
  { header: head('indicators.csv.completePct'), value: (x) => pct(x.shares.complete) },
  { header: head('indicators.csv.overdueFollowUps'), value: (x) => x.followUpsOverdue },
  ...requestStates.map((s) => ({
    header: (lang: Locale) => say(lang, 'indicators.csv.state', { state: say(lang, `requestState.${s}`) }),
    value: (x: CentreIndicators) => x.requestsByState[s],
  })),
];

export { csvField } from '../lib/csv.ts';

export function indicatorsCsv(rows: CentreIndicators[], lang: Locale): string {
  const header = columns.map((c) => c.header(lang));
  // The byte-order mark lets spreadsheet programs read the UTF-8 as UTF-8.
  return toCsv([header, ...rows.map((r) => columns.map((c) => c.value(r)))], { bom: true });
}
