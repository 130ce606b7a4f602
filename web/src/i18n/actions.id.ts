// Indonesian words for consequential actions (spread into id.ts; en.ts must match key for key):
// confirmations before something is deleted or cancelled, and the server's conflict reasons with
// the way forward.
export const actionsId = {
  'signOut.unsent.title': 'Ada {count} laporan yang belum terkirim',
  'signOut.unsent.consequence': 'Laporan ini masih tersimpan di perangkat ini dan belum sampai ke balai. Jika Anda keluar sekarang, laporan ini dihapus dari perangkat dan tidak akan dikirim.',
  'signOut.unsent.confirm': 'Hapus laporan dan keluar',
  'signOut.unsent.keep': 'Tetap masuk',
} as const;
