// Indonesian: the sign-in page (spread into id.ts; login.en.ts must match key for key).
export const loginId = {
  'login.title': 'Masuk',
  'login.intro': 'Masuk dengan akun yang diberikan balai Anda.',
  'login.email': 'Email',
  'login.password': 'Kata sandi',
  'login.submit': 'Masuk',
  'login.submitting': 'Sedang masuk…',
  'login.missingEmail': 'Isi alamat email.',
  'login.missingPassword': 'Isi kata sandi.',
  'login.wrong': 'Email atau kata sandi salah.',
  'login.rateLimited': 'Terlalu banyak percobaan masuk. Coba lagi beberapa menit lagi.',
  'login.invalid': 'Periksa kembali email dan kata sandi.',
  'login.sessionExpired': 'Sesi Anda telah berakhir. Silakan masuk lagi.',
  'login.forgot': 'Lupa kata sandi? Minta petugas balai Anda mengirim tautan undangan baru; dengan tautan itu Anda membuat kata sandi baru.',
} as const;
