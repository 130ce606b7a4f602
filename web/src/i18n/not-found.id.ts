// Indonesian: the not-found page (spread into id.ts; not-found.en.ts must match key for key).
export const notFoundId = {
  'notFound.title': 'Halaman tidak ditemukan',
  'notFound.body': 'Alamat ini tidak ada atau tidak tersedia untuk akun Anda.',
  'notFound.home': 'Kembali ke beranda',
} as const;
