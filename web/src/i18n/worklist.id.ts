// Indonesian: a therapist's or technician's worklist of follow-ups, appointments and open requests (spread into id.ts; worklist.en.ts must match key for key).
export const worklistId = {
  'worklist.title': 'Daftar kerja',
  'worklist.followUps': 'Tindak lanjut',
  'worklist.overdueCount': 'Terlambat: {count}',
  'worklist.noFollowUps': 'Tidak ada tindak lanjut yang terbuka.',
  'worklist.appointments': 'Janji temu 7 hari ke depan',
  'worklist.noAppointments': 'Tidak ada janji temu minggu ini.',
  'worklist.assessmentVisit': 'asesmen',
  'worklist.followUpVisit': 'tindak lanjut',
  'worklist.openRequests': 'Permintaan terbuka per langkah',
  'worklist.noRequests': 'Tidak ada permintaan yang terbuka.',
} as const;
