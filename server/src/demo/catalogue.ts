// A demo device catalogue: manual adaptive chairs common in Indonesian programmes and electric chairs
// with AGM and LiFePO4 batteries. ISO 9999 codes: 12 22 03 self-propelled, 12 22 18 attendant-propelled,
// 12 23 06 powered wheelchairs with powered steering.
export const demoModels = [
  {
    name: 'Moti-Care', manufacturer: 'Motivation', kind: 'manual_adaptive', isoCode: '12 22 18',
    tiltInSpace: true, headSupport: true, lateralSupports: true, pelvicBelt: true,
    sizes: [[280, 280], [320, 300], [360, 330]],
  },
  {
    name: 'Rough Terrain', manufacturer: 'Motivation', kind: 'manual_adaptive', isoCode: '12 22 03',
    tiltInSpace: false, headSupport: false, lateralSupports: false, pelvicBelt: true,
    sizes: [[340, 360], [380, 400], [420, 430]],
  },
  {
    name: 'KRA Anak Postural', manufacturer: 'Bengkel Ortotik Surakarta', kind: 'manual_adaptive', isoCode: '12 22 18',
    tiltInSpace: true, headSupport: true, lateralSupports: true, pelvicBelt: true,
    sizes: [[260, 260], [300, 300], [340, 320]],
  },
  {
    name: 'ES-10 Lithium', manufacturer: 'Kaiyang', kind: 'electric', isoCode: '12 23 06',
    batteryChemistry: 'lifepo4', ratedAh: 20, ratedCycles: 1500, serviceIntervalKm: 500, serviceIntervalMonths: 12,
    tiltInSpace: false, headSupport: true, lateralSupports: false, pelvicBelt: true,
    sizes: [[400, 420], [440, 450]],
  },
  {
    name: 'Dynamic AGM', manufacturer: 'GEA Medical', kind: 'electric', isoCode: '12 23 06',
    batteryChemistry: 'agm', ratedAh: 40, ratedCycles: 350, serviceIntervalKm: 500, serviceIntervalMonths: 12,
    tiltInSpace: false, headSupport: false, lateralSupports: false, pelvicBelt: true,
    sizes: [[420, 430], [460, 460]],
  },
  {
    name: 'Junior Tilt Power', manufacturer: 'Kaiyang', kind: 'electric', isoCode: '12 23 06',
    batteryChemistry: 'lifepo4', ratedAh: 24, ratedCycles: 1500, serviceIntervalKm: 500, serviceIntervalMonths: 12,
    tiltInSpace: true, headSupport: true, lateralSupports: true, pelvicBelt: true,
    sizes: [[320, 320], [360, 360], [400, 400]],
  },
] as const;
