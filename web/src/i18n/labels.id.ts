// Indonesian: chair QR labels and the page a label links to (spread into id.ts; labels.en.ts must match key for key).
export const labelsId = {
  'labels.title': 'Label QR kursi roda',
  'labels.titleFor': 'Label QR {serial}',
  'labels.intro': 'Cetak label ini dan tempelkan pada kursi roda. Staf yang memindainya membuka halaman kursi; keluarga membuka formulir laporan masalah.',
  'labels.print': 'Cetak label',
  'labels.printLink': 'Cetak label QR',
  'labels.back': 'Kembali ke kursi roda',
  'labels.qrAlt': 'Kode QR kursi roda {serial}',
  'labels.scan': 'Pindai untuk melaporkan masalah',
  'labels.opening': 'Membuka kursi roda',
  'labels.notYours': 'Kursi roda ini tidak terhubung dengan akun Anda.',
  'labels.noBeneficiary': 'Kursi roda ini belum dipakai penerima manfaat.',
  'labels.home': 'Ke beranda',
} as const;
