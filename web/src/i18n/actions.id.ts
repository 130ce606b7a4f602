// Indonesian words for consequential actions (spread into id.ts; en.ts must match key for key):
// confirmations before something is deleted or cancelled, and the server's conflict reasons with
// the way forward.
export const actionsId = {
  'signOut.unsent.title': 'Ada {count} laporan yang belum terkirim',
  'signOut.unsent.consequence': 'Laporan ini masih tersimpan di perangkat ini dan belum sampai ke balai. Jika Anda keluar sekarang, laporan ini dihapus dari perangkat dan tidak akan dikirim.',
  'signOut.unsent.confirm': 'Hapus laporan dan keluar',
  'signOut.unsent.keep': 'Tetap masuk',
  'error.reason.refit_needed': 'Pemasangan terakhir menemukan masalah (ukuran, postur, tekanan atau gerak). Kirim kursi untuk penyesuaian ulang dulu, baru latihan pengguna.',
  'error.reason.open_request_exists': 'Orang ini sudah punya permintaan yang masih berjalan. Lanjutkan atau batalkan permintaan itu, jangan membuat yang kedua.',
  'error.reason.request_changed': 'Permintaan ini baru saja diubah orang lain. Muat ulang halaman, lalu coba lagi.',
  'error.way.openRequest': 'Buka permintaan yang berjalan',
  'error.way.refit': 'Kirim untuk penyesuaian ulang',
  'error.way.reload': 'Muat ulang',
  'requests.noStepForYou': 'Tidak ada langkah untuk Anda saat ini; langkah berikutnya dikerjakan terapis.',
  'requests.cancel.open': 'Batalkan permintaan…',
  'requests.cancel.back': 'Kembali ke langkah berikutnya',
  'requests.cancel.title': 'Batalkan permintaan untuk {name}?',
  'requests.cancel.consequence': 'Permintaan berhenti di sini dan tidak bisa dilanjutkan. Kursi yang sudah disiapkan kembali ke stok. Untuk memulai lagi, perlu rujukan baru.',
  'requests.cancel.confirm': 'Ya, batalkan permintaan',
  'requests.cancel.keep': 'Jangan batalkan',
  'requests.fitProblem.title': 'Catat pemasangan dengan masalah?',
  'requests.fitProblem.consequence': 'Belum dicentang: {checks}. Pemasangan dicatat dengan masalah, dan kursi harus disesuaikan ulang sebelum latihan pengguna.',
  'requests.fitProblem.confirm': 'Catat dengan masalah',
  'requests.fitProblem.keep': 'Periksa lagi daftar',
} as const;
