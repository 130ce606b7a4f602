// Server-side wording of every notification kind, in Indonesian and English, for channels that
// carry finished text (the webhook to an SMS or WhatsApp gateway). Plain words, no clinical detail
// beyond the category word; unknown or missing params degrade to a shorter sentence, never "undefined".
import type { Locale } from '../../schemas/common.ts';
import type { NotificationKind } from '../../schemas/notifications.ts';
import { say, sayCode } from '../i18n/say.ts';

/** The word for a code inside a sentence (first letter lower-cased), or undefined for a code the catalogue does not know (never echoed raw). */
function word(prefix: 'reportCategory' | 'reportStatus' | 'workOrderStatus' | 'workOrderKind', locale: Locale, code: string | undefined): string | undefined {
  const w = sayCode(locale, prefix, code);
  return w && w.charAt(0).toLowerCase() + w.slice(1);
}

/** "base: detail." when the detail is known, else "base." */
const withDetail = (base: string, detail: string | undefined) => (detail ? `${base}: ${detail}.` : `${base}.`);

type Params = Record<string, string>;

const templates: Record<NotificationKind, (p: Params, l: Locale) => string> = {
  report_new: (p, l) => withDetail(say(l, 'notification.reportNew'), word('reportCategory', l, p.category)),
  // Without the sign it is the workshop's notice (technicians see no clinical detail): the therapists call the family.
  report_red_flag: (p, l) => (cat(p, l) ? say(l, 'notification.redFlag', { category: cat(p, l) }) : say(l, 'notification.redFlagWithoutSign')),
  report_status: (p, l) => withDetail(say(l, 'notification.reportStatus'), word('reportStatus', l, p.status)),
  report_comment: (_, l) => say(l, 'notification.reportComment'),
  work_order_assigned: (p, l) => withDetail(say(l, 'notification.workOrderAssigned'), word('workOrderKind', l, p.kind)),
  work_order_status: (p, l) => withDetail(say(l, 'notification.workOrderStatus', { kind: kindOf(p, l) }), word('workOrderStatus', l, p.status)),
  report_photo_request: (_, l) => say(l, 'notification.photoRequest'),
  request_approved: (p, l) => (p.beneficiary ? say(l, 'notification.requestApprovedFor', { beneficiary: p.beneficiary }) : say(l, 'notification.requestApproved')),
  deep_discharge: (p, l) => say(l, 'notification.deepDischarge', { socPct: pct(p) }),
  loan_due: (p, l) => say(l, 'notification.loanDue', { serial: p.serial ?? '', dueAt: p.dueAt ?? '' }),
  loan_overdue: (p, l) => say(l, 'notification.loanOverdue', { serial: p.serial ?? '', dueAt: p.dueAt ?? '' }),
};

function cat(p: Params, locale: Locale) {
  const w = word('reportCategory', locale, p.category);
  return w ? ` (${w})` : '';
}

function kindOf(p: Params, locale: Locale) {
  const w = word('workOrderKind', locale, p.kind);
  return w ? ` (${w})` : '';
}

/** " (15%)" from params.socPct when it is a plain number. */
function pct(p: Params) {
  return p.socPct !== undefined && /^\d{1,3}$/.test(p.socPct) ? ` (${p.socPct}%)` : '';
}

/** The ready-to-send sentence for a notification, in the recipient's language. */
export function messageFor(kind: NotificationKind, params: Params, locale: Locale): string {
  return templates[kind](params, locale);
}
