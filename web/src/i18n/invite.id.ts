// Indonesian: the public invitation page (spread into id.ts; invite.en.ts must match key for key).
export const inviteId = {
  'invite.title': 'Buat kata sandi Anda',
  'invite.who': 'Undangan untuk {name} ({role})',
  'invite.intro': 'Pilih kata sandi Anda sendiri. Tidak ada orang lain yang mengetahuinya, termasuk petugas balai.',
  'invite.password': 'Kata sandi baru',
  'invite.submit': 'Simpan dan masuk',
  'invite.gone': 'Tautan undangan ini sudah dipakai, sudah kedaluwarsa, atau sudah diganti. Jika Anda sudah membuat kata sandi, silakan masuk; jika belum, minta tautan baru ke balai Anda.',
  'invite.unknown': 'Tautan undangan ini tidak dikenal. Periksa kembali tautannya, atau minta tautan baru ke balai Anda.',
  'invite.toLogin': 'Ke halaman masuk',
} as const;
