// Server-side wording of every notification kind, in Indonesian and English, for channels that
// carry finished text (the webhook to an SMS or WhatsApp gateway). Plain words, no clinical detail
// beyond the category word; unknown or missing params degrade to a shorter sentence, never "undefined".
import type { Locale } from '../../schemas/common.ts';
import type { NotificationKind } from '../../schemas/notifications.ts';
import type { ReportCategory, ReportStatus } from '../../schemas/reports.ts';
import type { WorkOrderKind, WorkOrderStatus } from '../../schemas/work-orders.ts';

type Words<K extends string> = Record<Locale, Record<K, string>>;

const category: Words<ReportCategory> = {
  id: {
    wont_move: 'kursi tidak mau bergerak',
    battery_drains: 'baterai cepat habis',
    wont_charge: 'baterai tidak mau terisi',
    brakes: 'rem',
    seat_fit: 'dudukan/bantalan/ukuran',
    flat_tyre: 'ban kempis atau bocor',
    wheel_castor: 'roda atau roda depan',
    footrest: 'sandaran kaki',
    other: 'masalah lain',
    pain_skin: 'nyeri atau luka kulit',
    headache: 'sakit kepala',
    vomiting: 'muntah',
    sleepiness: 'mengantuk tidak biasa',
  },
  en: {
    wont_move: 'chair will not move',
    battery_drains: 'battery runs out fast',
    wont_charge: 'battery will not charge',
    brakes: 'brakes',
    seat_fit: 'seat/cushion/fit',
    flat_tyre: 'flat or punctured tyre',
    wheel_castor: 'wheel or castor',
    footrest: 'footrest',
    other: 'another problem',
    pain_skin: 'pain or skin sore',
    headache: 'headache',
    vomiting: 'vomiting',
    sleepiness: 'unusual sleepiness',
  },
};

const reportStatus: Words<ReportStatus> = {
  id: {
    new: 'baru diterima',
    work_order: 'sedang ditangani bengkel',
    follow_up: 'akan ditindaklanjuti terapis',
    scheduled: 'kunjungan sudah dijadwalkan',
    in_progress: 'sedang dikerjakan',
    resolved: 'selesai',
    closed: 'ditutup',
  },
  en: {
    new: 'received',
    work_order: 'with the workshop',
    follow_up: 'a therapist will follow up',
    scheduled: 'a visit is scheduled',
    in_progress: 'being worked on',
    resolved: 'done',
    closed: 'closed',
  },
};

const workOrderStatus: Words<WorkOrderStatus> = {
  id: { open: 'terbuka', assigned: 'sudah ditugaskan', scheduled: 'dijadwalkan', in_progress: 'sedang dikerjakan', resolved: 'selesai', cancelled: 'dibatalkan' },
  en: { open: 'open', assigned: 'assigned', scheduled: 'scheduled', in_progress: 'in progress', resolved: 'done', cancelled: 'cancelled' },
};

const workOrderKind: Words<WorkOrderKind> = {
  id: {
    battery_replacement: 'ganti baterai',
    repair: 'perbaikan',
    preventive_service: 'servis berkala',
    check_in: 'pengecekan',
    charging_training: 'pelatihan mengisi baterai',
    follow_up: 'tindak lanjut',
  },
  en: {
    battery_replacement: 'battery replacement',
    repair: 'repair',
    preventive_service: 'preventive service',
    check_in: 'check-in',
    charging_training: 'charging training',
    follow_up: 'follow-up',
  },
};

/** The word for a code, or undefined for a code this catalogue does not know (never echoed raw). */
function word<K extends string>(words: Words<K>, locale: Locale, code: string | undefined): string | undefined {
  return code === undefined ? undefined : (words[locale] as Record<string, string>)[code];
}

/** "base: detail." when the detail is known, else "base." */
const withDetail = (base: string, detail: string | undefined) => (detail ? `${base}: ${detail}.` : `${base}.`);

type Params = Record<string, string>;

const templates: Record<NotificationKind, Record<Locale, (p: Params) => string>> = {
  report_new: {
    id: (p) => withDetail('Ada laporan baru dari keluarga', word(category, 'id', p.category)),
    en: (p) => withDetail('New report from a family', word(category, 'en', p.category)),
  },
  report_red_flag: {
    // Without the sign it is the workshop's notice (technicians see no clinical detail): the therapists call the family.
    id: (p) => (cat(p, 'id') ? `PENTING: laporan tanda bahaya${cat(p, 'id')}. Segera hubungi keluarga.` : 'PENTING: laporan klinis mendesak, ditangani terapis balai.'),
    en: (p) => (cat(p, 'en') ? `URGENT: a red-flag report${cat(p, 'en')}. Contact the family now.` : 'URGENT: a clinical report, handled by the centre\'s therapists.'),
  },
  report_status: {
    id: (p) => withDetail('Kabar laporan Anda', word(reportStatus, 'id', p.status)),
    en: (p) => withDetail('Update on your report', word(reportStatus, 'en', p.status)),
  },
  report_comment: {
    id: () => 'Ada pesan baru tentang laporan. Buka aplikasi untuk membacanya.',
    en: () => 'There is a new message about a report. Open the app to read it.',
  },
  work_order_assigned: {
    id: (p) => withDetail('Perintah kerja untuk Anda', word(workOrderKind, 'id', p.kind)),
    en: (p) => withDetail('A work order was assigned to you', word(workOrderKind, 'en', p.kind)),
  },
  work_order_status: {
    id: (p) => withDetail(`Perintah kerja${kindOf(p, 'id')} sekarang`, word(workOrderStatus, 'id', p.status)),
    en: (p) => withDetail(`Work order${kindOf(p, 'en')} is now`, word(workOrderStatus, 'en', p.status)),
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
  const w = word(category, locale, p.category);
  return w ? ` (${w})` : '';
}

function kindOf(p: Params, locale: Locale) {
  const w = word(workOrderKind, locale, p.kind);
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
