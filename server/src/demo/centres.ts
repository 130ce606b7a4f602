// The centres named publicly by the Ministry of Social Affairs for the ATENSI programme (2020-2021),
// copied from the programme's reference data; used as realistic demo centres.
export const demoCentres = [
  { code: "BK-PANGUDI-LUHUR", name: "Balai Karya \"Pangudi Luhur\"", city: "Bekasi", province: "Jawa Barat" },
  { code: "BBD-KARTINI", name: "Balai Besar Disabilitas \"Kartini\"", city: "Temanggung", province: "Jawa Tengah" },
  { code: "BBVD-INTEN-SUWENO", name: "Balai Besar Vokasional Disabilitas \"Inten Suweno\"", city: "Cibinong", province: "Jawa Barat" },
  { code: "BA-NAIBONAT", name: "Balai Anak \"Naibonat\"", city: "Kupang", province: "Nusa Tenggara Timur" },
  { code: "BR-PANASEA", name: "Balai Residen \"Panasea\"", city: "Jakarta (Bambu Apus)", province: "DKI Jakarta" },
  { code: "BLU-BUDHI-DHARMA", name: "Balai Lanjut Usia \"Budhi Dharma\"", city: "Bekasi", province: "Jawa Barat" },
  { code: "B-MELATI", name: "Balai \"Melati\"", city: "Jakarta", province: "DKI Jakarta" },
  { code: "B-TAN-MIYAT", name: "Balai \"Tan Miyat\"", city: "Bekasi", province: "Jawa Barat" },
  { code: "B-MULYA-JAYA", name: "Balai \"Mulya Jaya\"", city: "Jakarta", province: "DKI Jakarta" },
  { code: "B-GALIH-PAKUAN", name: "Balai \"Galih Pakuan\"", city: "Bogor", province: "Jawa Barat" },
  { code: "B-CIUNGWANARA", name: "Balai \"Ciungwanara\"", city: "Bogor", province: "Jawa Barat" },
  { code: "B-PHALA-MARTHA", name: "Balai \"Phala Martha\"", city: "Sukabumi", province: "Jawa Barat" },
  { code: "BLBI-ABIYOSO", name: "Balai Literasi Braille Indonesia \"Abiyoso\"", city: "Bandung", province: "Jawa Barat" },
  { code: "B-WYATA-GUNA", name: "Balai \"Wyata Guna\"", city: "Bandung", province: "Jawa Barat" },
] as const;
