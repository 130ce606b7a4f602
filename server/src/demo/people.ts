// Demo beneficiaries: children and adults with cerebral palsy and/or hydrocephalus, as a centre
// would register them. Names and places are invented; ages, diagnoses and profiles are realistic.
export interface DemoBeneficiary {
  fullName: string;
  birthDate: string;
  sex: 'female' | 'male';
  city: string;
  address: string;
  diagnosis: 'cp' | 'hydrocephalus' | 'both' | 'other';
  guardian?: string;
  gmfcs?: 1 | 2 | 3 | 4 | 5;
  cpType?: 'spastic' | 'dyskinetic' | 'ataxic' | 'mixed';
  distribution?: 'hemiplegia' | 'diplegia' | 'quadriplegia';
  shuntSide?: 'left' | 'right';
  /** Demo request state along the WHO pathway, if the person has a request. */
  request?: string;
  electric?: boolean;
}

export const demoBeneficiaries: DemoBeneficiary[] = [
  // Balai Karya "Pangudi Luhur", Bekasi
  { fullName: 'Rizky Pratama', birthDate: '2016-03-14', sex: 'male', city: 'Bekasi', address: 'Jl. Mawar No. 12, Bekasi Timur', diagnosis: 'cp', guardian: 'Siti Aminah', gmfcs: 4, cpType: 'spastic', distribution: 'quadriplegia', request: 'in_use' },
  { fullName: 'Aisyah Putri Lestari', birthDate: '2019-08-02', sex: 'female', city: 'Bekasi', address: 'Perum Harapan Indah Blok C3/7', diagnosis: 'hydrocephalus', guardian: 'Dewi Lestari', shuntSide: 'right', request: 'fitted' },
  { fullName: 'Muhammad Fajar Nugroho', birthDate: '2012-11-25', sex: 'male', city: 'Bekasi', address: 'Jl. Kenanga Raya No. 5, Tambun', diagnosis: 'both', guardian: 'Bambang Nugroho', gmfcs: 5, cpType: 'mixed', distribution: 'quadriplegia', shuntSide: 'right', request: 'in_use', electric: true },
  { fullName: 'Nabila Zahra', birthDate: '2020-01-19', sex: 'female', city: 'Cikarang', address: 'Kp. Sukamaju RT 03/RW 02', diagnosis: 'cp', guardian: 'Rina Marlina', gmfcs: 3, cpType: 'spastic', distribution: 'diplegia', request: 'assessed' },
  { fullName: 'Dimas Saputra', birthDate: '1998-06-30', sex: 'male', city: 'Bekasi', address: 'Jl. Cempaka No. 21, Rawalumbu', diagnosis: 'cp', gmfcs: 4, cpType: 'dyskinetic', distribution: 'quadriplegia', request: 'in_use', electric: true },
  { fullName: 'Sri Wahyuni', birthDate: '1990-09-09', sex: 'female', city: 'Bekasi', address: 'Jl. Melati No. 3, Bantargebang', diagnosis: 'hydrocephalus', shuntSide: 'left', request: 'approved' },
  { fullName: 'Galang Ramadhan', birthDate: '2017-05-21', sex: 'male', city: 'Bekasi', address: 'Gg. Masjid No. 8, Jatiasih', diagnosis: 'cp', guardian: 'Yuni Astuti', gmfcs: 2, cpType: 'spastic', distribution: 'hemiplegia', request: 'referred' },
  { fullName: 'Putri Ayu Ningsih', birthDate: '2010-12-01', sex: 'female', city: 'Cibitung', address: 'Jl. Teratai No. 44', diagnosis: 'cp', guardian: 'Agus Setiawan', gmfcs: 4, cpType: 'spastic', distribution: 'quadriplegia', request: 'prescribed' },
  { fullName: 'Yusuf Hidayat', birthDate: '2004-02-17', sex: 'male', city: 'Bekasi', address: 'Jl. Anggrek No. 9, Pondok Gede', diagnosis: 'both', gmfcs: 5, cpType: 'spastic', distribution: 'quadriplegia', shuntSide: 'right', request: 'in_use', electric: true },
  { fullName: 'Kirana Maharani', birthDate: '2021-07-07', sex: 'female', city: 'Bekasi', address: 'Perum Graha Asri Blok F/2', diagnosis: 'hydrocephalus', guardian: 'Lina Maharani', shuntSide: 'right' },
  // Balai Besar Disabilitas "Kartini", Temanggung
  { fullName: 'Bagus Wicaksono', birthDate: '2015-10-10', sex: 'male', city: 'Temanggung', address: 'Dusun Krajan RT 02, Parakan', diagnosis: 'cp', guardian: 'Sutrisno', gmfcs: 4, cpType: 'spastic', distribution: 'quadriplegia', request: 'in_use' },
  { fullName: 'Anisa Rahmawati', birthDate: '2018-04-12', sex: 'female', city: 'Temanggung', address: 'Jl. Diponegoro No. 17, Kedu', diagnosis: 'hydrocephalus', guardian: 'Wahyu Rahmawati', shuntSide: 'right', request: 'trained' },
  { fullName: 'Eko Prasetyo', birthDate: '1995-01-28', sex: 'male', city: 'Magelang', address: 'Jl. Tidar No. 40', diagnosis: 'cp', gmfcs: 4, cpType: 'dyskinetic', distribution: 'quadriplegia', request: 'in_use', electric: true },
  { fullName: 'Larasati Handayani', birthDate: '2013-08-15', sex: 'female', city: 'Wonosobo', address: 'Desa Kalibeber RT 01/RW 04', diagnosis: 'cp', guardian: 'Handayani', gmfcs: 3, cpType: 'ataxic', distribution: 'diplegia', request: 'ordered' },
  { fullName: 'Ahmad Fauzi', birthDate: '2008-03-03', sex: 'male', city: 'Temanggung', address: 'Jl. Pahlawan No. 2, Ngadirejo', diagnosis: 'both', guardian: 'Marwoto', gmfcs: 5, cpType: 'mixed', distribution: 'quadriplegia', shuntSide: 'left', request: 'prepared', electric: true },
  { fullName: 'Dewi Sartika Lestari', birthDate: '1987-12-20', sex: 'female', city: 'Temanggung', address: 'Jl. Kartini No. 11', diagnosis: 'cp', gmfcs: 3, cpType: 'spastic', distribution: 'diplegia', request: 'rejected' },
  { fullName: 'Raka Aditya', birthDate: '2022-02-26', sex: 'male', city: 'Parakan', address: 'Dusun Wates RT 05', diagnosis: 'cp', guardian: 'Endang Susanti', gmfcs: 4, cpType: 'spastic', distribution: 'quadriplegia', request: 'referred' },
  { fullName: 'Siti Nurhaliza', birthDate: '2001-05-05', sex: 'female', city: 'Temanggung', address: 'Jl. Suropati No. 6', diagnosis: 'hydrocephalus', shuntSide: 'right', request: 'in_use', electric: true },
  { fullName: 'Yoga Pamungkas', birthDate: '2011-09-18', sex: 'male', city: 'Magelang', address: 'Perum Korpri Blok B/9', diagnosis: 'cp', guardian: 'Sri Mulyani', gmfcs: 4, cpType: 'spastic', distribution: 'quadriplegia', request: 'assessed' },
  { fullName: 'Intan Permatasari', birthDate: '2014-06-24', sex: 'female', city: 'Temanggung', address: 'Desa Kledung RT 03', diagnosis: 'other', guardian: 'Permata Sari' },
];

/**
 * A clearly fictional Indonesian mobile number for demo people (+62 812 0000 nnnn): the run of
 * zeros shows at a glance that it is made up. Point a demo at a test gateway, never a live one.
 */
export function demoPhone(n: number): string {
  return `+62 812 0000 ${String(n).padStart(4, '0')}`;
}
