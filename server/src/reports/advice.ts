// What a family should do now after reporting a red flag, in plain and cautious words: a sign that
// can mean something serious, never a diagnosis; and what the centre's clinical staff do about it.
// Reviewed wording; keep both languages in step.
import type { Locale } from '../../../schemas/common.ts';
import type { ReportCategory } from '../../../schemas/reports.ts';

type Advice = Record<Locale, string>;

/** A possible pressure sore. */
const skin: Advice = {
  id:
    'Nyeri atau luka di kulit bisa menjadi tanda luka tekan. Jangan duduk atau berbaring di atas bagian yang sakit, ' +
    'jauhkan tekanan dari bagian itu, dan periksa kulitnya. Jika kulit lecet, terbuka, merah, terasa hangat, atau berbau, ' +
    'bawa ke puskesmas atau fasilitas kesehatan terdekat hari ini. Terapis balai juga sudah diberi tahu.',
  en:
    'Pain or a sore on the skin can be a sign of a pressure sore. Do not sit or lie on the painful area, keep pressure off it, ' +
    'and check the skin. If the skin is broken, open, red, warm or smells, go to the nearest puskesmas or health facility today. ' +
    'The centre\'s therapist has also been told.',
};

/** Possible signs of a shunt problem (hydrocephalus). */
const shunt: Advice = {
  id:
    'Sakit kepala, muntah, atau mengantuk yang tidak biasa bisa menjadi tanda masalah pada shunt, dan ini bisa darurat. ' +
    'Segera bawa ke IGD (Instalasi Gawat Darurat) rumah sakit terdekat sekarang. Bawa keterangan tentang shunt-nya. ' +
    'Jangan menunggu telepon dari balai. Terapis balai juga sudah diberi tahu.',
  en:
    'A headache, vomiting or unusual sleepiness can be a sign of a problem with the shunt, and this can be an emergency. ' +
    'Go to the emergency department (IGD) of the nearest hospital now. Bring the information about the shunt. ' +
    'Do not wait for the centre to call. The centre\'s therapist has also been told.',
};

const byCategory: Partial<Record<ReportCategory, Advice>> = {
  pain_skin: skin,
  headache: shunt,
  vomiting: shunt,
  sleepiness: shunt,
};

/** The advice for a red-flag category in the reader's language; null for anything else. */
export function adviceFor(category: ReportCategory, locale: Locale): string | null {
  return byCategory[category]?.[locale] ?? null;
}

/** What the centre's clinical staff do now: the family has already been told the advice above. */
const staffSkin: Advice = {
  id:
    'Kemungkinan luka tekan. Telepon keluarga hari ini: tanyakan lokasi, ukuran dan warna kulit, dan pastikan tekanan sudah dijauhkan. ' +
    'Jika kulit terbuka atau tampak infeksi, pastikan mereka ke puskesmas hari ini. Periksa dudukan, bantalan dan jadwal ganti posisi; ' +
    'catat hasilnya di tindak lanjut.',
  en:
    'Possible pressure sore. Call the family today: ask where it is, its size and the colour of the skin, and check that pressure is off it. ' +
    'If the skin is broken or looks infected, make sure they go to the puskesmas today. Review the seat, cushion and repositioning routine; ' +
    'record the outcome in the follow-up.',
};

const staffShunt: Advice = {
  id:
    'Kemungkinan gangguan shunt (hidrosefalus): bisa darurat. Telepon keluarga sekarang dan pastikan anak sudah dibawa ke IGD; ' +
    'jika belum, minta mereka berangkat sekarang. Catat jawaban dan hasil pemeriksaan di tindak lanjut hari ini.',
  en:
    'Possible shunt malfunction (hydrocephalus): this can be an emergency. Call the family now and confirm the child has been taken to ' +
    'the emergency department (IGD); if not, ask them to go now. Record their answer and the outcome in today\'s follow-up.',
};

const staffByCategory: Partial<Record<ReportCategory, Advice>> = {
  pain_skin: staffSkin,
  headache: staffShunt,
  vomiting: staffShunt,
  sleepiness: staffShunt,
};

/** Guidance for clinical staff on a red flag, in the reader's language; null for anything else. */
export function staffGuidanceFor(category: ReportCategory, locale: Locale): string | null {
  return staffByCategory[category]?.[locale] ?? null;
}
