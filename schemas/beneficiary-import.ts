// The beneficiaries register as offices keep it: its columns (Bahasa Indonesia and English headers)
// and the words its cells may use for sex, diagnosis and the consent method, in either language.
import type { ImportColumn } from './imports.ts';
import type { GuardianRelationship } from './beneficiaries.ts';

export const beneficiaryImportColumns = [
  { field: 'fullName', id: 'Nama Lengkap', en: 'Full Name', required: true },
  { field: 'nik', id: 'NIK', en: 'National ID (NIK)', required: false },
  { field: 'birthDate', id: 'Tanggal Lahir', en: 'Birth Date', required: true },
  { field: 'sex', id: 'Jenis Kelamin', en: 'Sex', required: true },
  { field: 'address', id: 'Alamat', en: 'Address', required: true },
  { field: 'city', id: 'Kota', en: 'City', required: false },
  { field: 'phone', id: 'Telepon', en: 'Phone', required: false },
  { field: 'diagnosis', id: 'Diagnosis', en: 'Diagnosis', required: true },
  { field: 'centreCode', id: 'Kode Balai', en: 'Centre Code', required: false },
  { field: 'guardianName', id: 'Nama Wali', en: 'Guardian Name', required: false },
  { field: 'guardianRelationship', id: 'Hubungan Wali', en: 'Guardian Relationship', required: false },
  { field: 'consentMethod', id: 'Cara Persetujuan', en: 'Consent Method', required: true },
  { field: 'consentDate', id: 'Tanggal Persetujuan', en: 'Consent Date', required: true },
  { field: 'chairSerial', id: 'Nomor Seri Kursi', en: 'Chair Serial', required: false },
] as const satisfies readonly ImportColumn[];
export type BeneficiaryImportField = (typeof beneficiaryImportColumns)[number]['field'];

/** Cell words (lower case) to the API's values. */
export const importSexWords: Readonly<Record<string, 'female' | 'male'>> = {
  p: 'female', perempuan: 'female', wanita: 'female', f: 'female', female: 'female',
  l: 'male', 'laki-laki': 'male', 'laki laki': 'male', pria: 'male', m: 'male', male: 'male',
};
export const importDiagnosisWords: Readonly<Record<string, 'cp' | 'hydrocephalus' | 'both' | 'other'>> = {
  cp: 'cp', 'cerebral palsy': 'cp', hydrocephalus: 'hydrocephalus', hidrosefalus: 'hydrocephalus',
  both: 'both', keduanya: 'both', 'cp + hidrosefalus': 'both', other: 'other', lainnya: 'other', lain: 'other',
};
export const importMethodWords: Readonly<Record<string, 'written' | 'verbal' | 'thumbprint'>> = {
  written: 'written', tertulis: 'written', verbal: 'verbal', lisan: 'verbal', thumbprint: 'thumbprint', 'cap jempol': 'thumbprint', 'cap jari': 'thumbprint',
};

/** The guardian's relationship to the person, in either language (required for a child's consent). */
export const importRelationshipWords: Readonly<Record<string, GuardianRelationship>> = {
  mother: 'mother', ibu: 'mother', father: 'father', ayah: 'father', bapak: 'father', grandparent: 'grandparent', kakek: 'grandparent', nenek: 'grandparent',
  sibling: 'sibling', kakak: 'sibling', saudara: 'sibling', legal_guardian: 'legal_guardian', 'legal guardian': 'legal_guardian', 'wali sah': 'legal_guardian',
  wali: 'legal_guardian', other: 'other', lainnya: 'other',
};

/** What an imported person consented to: the register's consent is for the service and its health data. */
export const IMPORTED_CONSENT_PURPOSES = ['service', 'health_data'] as const;
