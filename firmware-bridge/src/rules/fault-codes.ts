// Controller fault codes (PG Drives VR2/R-net style flash codes as chairs report them) mapped to
// the repair category a technician needs; unknown codes fall back to "other".
export const faultCategories = ['battery_connection', 'motor', 'brake', 'joystick', 'charger', 'other'] as const;
export type FaultCategory = (typeof faultCategories)[number];

const codeMap: Record<string, FaultCategory> = {
  'VR2-1': 'battery_connection', // battery needs charging / bad connection
  'VR2-2': 'battery_connection', // low battery voltage
  'VR2-3': 'battery_connection', // high battery voltage
  'VR2-4': 'motor', // current limit time exceeded
  'VR2-5': 'brake', // left park brake
  'VR2-6': 'brake', // right park brake
  'VR2-7': 'joystick', // joystick displaced or speed pot
  'VR2-8': 'motor', // motor voltage / wiring
  'VR2-9': 'other', // other internal error
  'VR2-10': 'charger', // charger inhibit
};

export function faultCategory(code: string): FaultCategory {
  return codeMap[code.toUpperCase()] ?? 'other';
}
