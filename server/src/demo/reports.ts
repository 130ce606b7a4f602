// Demo family reports, so the staff report pages and Home have something real on first start: a
// flat tyre and a footrest from families, one a therapist logged after a call, one closed with its
// reason, and a shunt warning sign for a child with hydrocephalus that the therapist already took up
// as a clinical follow-up (its alert settled, as the red-flag path leaves it).
import { isRedFlag, type ReportCategory, type ReportStatus } from '../../../schemas/reports.ts';
import type { Db } from '../../../core/db/client.ts';

const HOUR = 3_600_000;

interface DemoReport {
  beneficiary: string;
  by: string;
  category: ReportCategory;
  description: string;
  hoursAgo: number;
  /** Later steps: status, who, after how many hours, the note the family reads. */
  then?: { status: ReportStatus; by: string; afterHours: number; note: string | null };
}

const reports: DemoReport[] = [
  { beneficiary: 'Rizky Pratama', by: 'keluarga.siti@demo.atensi.id', category: 'flat_tyre', description: 'Ban belakang kiri kempis, sudah dipompa tapi kempis lagi besok paginya.', hoursAgo: 20 },
  {
    beneficiary: 'Galang Ramadhan', by: 'terapis2.bekasi@demo.atensi.id', category: 'seat_fit',
    description: 'Ibu Yuni menelepon: sabuk panggul terasa longgar sejak Galang bertambah tinggi.', hoursAgo: 50,
  },
  {
    beneficiary: 'Muhammad Fajar Nugroho', by: 'keluarga.bambang@demo.atensi.id', category: 'wont_charge', description: 'Lampu pengisi daya tidak menyala semalam.', hoursAgo: 240,
    then: { status: 'closed', by: 'teknisi.bekasi@demo.atensi.id', afterHours: 6, note: 'Stopkontak rumah yang bermasalah; pengisi daya sudah dicoba di balai dan berfungsi baik.' },
  },
  { beneficiary: 'Bagus Wicaksono', by: 'keluarga.sutrisno@demo.atensi.id', category: 'footrest', description: 'Sandaran kaki kanan goyang dan bautnya hilang satu.', hoursAgo: 30 },
  {
    beneficiary: 'Anisa Rahmawati', by: 'keluarga.wahyu@demo.atensi.id', category: 'headache',
    description: 'Anisa sakit kepala sejak sore dan muntah dua kali, lebih mengantuk dari biasanya.', hoursAgo: 14,
    then: { status: 'follow_up', by: 'terapis1.temanggung@demo.atensi.id', afterHours: 1, note: 'Terapis sudah menelepon; Anisa dibawa ke IGD RSUD Temanggung. Kami akan menghubungi lagi besok.' },
  },
];

export async function seedReports(db: Db, users: ReadonlyMap<string, string>, now: Date): Promise<void> {
  for (const r of reports) {
    const b = await db.beneficiary.findFirstOrThrow({ where: { fullName: r.beneficiary }, select: { id: true, centreId: true } });
    const device = await db.device.findFirst({ where: { beneficiaryId: b.id, status: 'in_use' }, select: { id: true } });
    const at = new Date(now.getTime() - r.hoursAgo * HOUR);
    const redFlag = isRedFlag(r.category);
    const by = users.get(r.by)!;
    const later = r.then ? { ...r.then, at: new Date(at.getTime() + r.then.afterHours * HOUR), byId: users.get(r.then.by)! } : undefined;
    const followUp = later?.status === 'follow_up'
      ? await db.followUp.create({ data: { beneficiaryId: b.id, kind: 'report', dueAt: new Date(later.at.getTime() + 20 * HOUR), createdAt: later.at }, select: { id: true } })
      : null;
    const report = await db.issueReport.create({
      data: {
        beneficiaryId: b.id, deviceId: device?.id ?? null, reportedById: by, category: r.category, description: r.description, redFlag,
        status: later?.status ?? 'new', followUpId: followUp?.id ?? null, createdAt: at, updatedAt: later?.at ?? at,
        events: {
          create: [
            { status: 'new', byUserId: by, at },
            ...(later ? [{ status: later.status, byUserId: later.byId, at: later.at, note: later.note }] : []),
          ],
        },
      },
      select: { id: true },
    });
    if (redFlag) {
      await db.alert.create({
        data: {
          centreId: b.centreId, deviceId: device?.id ?? null, beneficiaryId: b.id, kind: 'red_flag', severity: 'critical',
          details: JSON.stringify({ reportId: report.id, category: r.category }), createdAt: at,
          ...(later ? { acknowledgedAt: later.at, acknowledgedById: later.byId, clearedAt: later.at } : {}),
        },
      });
    }
  }
}
