// Server-side wording of every notification kind, in Indonesian and English, for channels that
// carry finished text (the webhook to an SMS or WhatsApp gateway). Plain words, no clinical detail
// beyond the category word; unknown or missing params degrade to a shorter sentence, never "undefined".
import type { Locale } from '../../schemas/common.ts';
import type { NotificationKind } from '../../schemas/notifications.ts';
import { sayCode } from '../i18n/say.ts';

/** The word for a code inside a sentence (first letter lower-cased), or undefined for a code the catalogue does not know (never echoed raw). */
function word(prefix: 'reportCategory' | 'reportStatus' | 'workOrderStatus' | 'workOrderKind', locale: Locale, code: string | undefined): string | undefined {
  const w = sayCode(locale, prefix, code);
  return w && w.charAt(0).toLowerCase() + w.slice(1);
}

/** "base: detail." when the detail is known, else "base." */
const withDetail = (base: string, detail: string | undefined) => (detail ? `${base}: ${detail}.` : `${base}.`);

type Params = Record<string, string>;

const templates: Record<NotificationKind, Record<Locale, (p: Params) => string>> = {
  report_new: {
    id: (p) => withDetail('Ada laporan baru dari keluarga', word('reportCategory', 'id', p.category)),
    en: (p) => withDetail('New report from a family', word('reportCategory', 'en', p.category)),
  },
  report_red_flag: {
    // Without the sign it is the workshop's notice (technicians see no clinical detail): the therapists call the family.
    id: (p) => (cat(p, 'id') ? `PENTING: laporan tanda bahaya${cat(p, 'id')}. Segera hubungi keluarga.` : 'PENTING: laporan klinis mendesak, ditangani terapis balai.'),
    en: (p) => (cat(p, 'en') ? `URGENT: a red-flag report${cat(p, 'en')}. Contact the family now.` : 'URGENT: a clinical report, handled by the centre\'s therapists.'),
  },
  report_status: {
    id: (p) => withDetail('Kabar laporan Anda', word('reportStatus', 'id', p.status)),
    en: (p) => withDetail('Update on your report', word('reportStatus', 'en', p.status)),
  },
  report_comment: {
    id: () => 'Ada pesan baru tentang laporan. Buka aplikasi untuk membacanya.',
    en: () => 'There is a new message about a report. Open the app to read it.',
  },
  work_order_assigned: {
    id: (p) => withDetail('Perintah kerja untuk Anda', word('workOrderKind', 'id', p.kind)),
    en: (p) => withDetail('A work order was assigned to you', word('workOrderKind', 'en', p.kind)),
  },
  work_order_status: {
    id: (p) => withDetail(`Perintah kerja${kindOf(p, 'id')} sekarang`, word('workOrderStatus', 'id', p.status)),
    en: (p) => withDetail(`Work order${kindOf(p, 'en')} is now`, word('workOrderStatus', 'en', p.status)),
  },
  report_photo_request: {
    id: () => 'Balai meminta foto untuk laporan Anda. Buka laporan lalu tekan "Ambil atau pilih foto".',
    en: () => 'The centre asks for a photo for your report. Open the report and tap "Take or choose a photo".',
  },
  request_approved: {
    id: (p) => (p.beneficiary ? `Pendanaan disetujui untuk ${p.beneficiary}. Kursi roda bisa dipesan.` : 'Pendanaan disetujui. Kursi roda bisa dipesan.'),
    en: (p) => (p.beneficiary ? `Funding approved for ${p.beneficiary}. The chair can be ordered.` : 'Funding approved. The chair can be ordered.'),
  },
  deep_discharge: {
    id: (p) => `Baterai kursi roda${pct(p)} hampir habis. Mohon segera diisi ulang sampai penuh.`,
    en: (p) => `The wheelchair battery${pct(p)} is almost empty. Please charge it fully soon.`,
  },
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
  return templates[kind][locale](params);
}
