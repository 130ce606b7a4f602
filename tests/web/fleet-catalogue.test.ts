// The fleet's words in both languages: every value the fleet and work-order pages can show has a
// label in Indonesian and English, and the helpers that format times and unknown kinds behave.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BatteryChemistry, DeviceKind, DeviceSort, DeviceStatus, Risk, RiskReason } from '../../schemas/devices.ts';
import { RejectReason } from '../../schemas/telemetry.ts';
import { AlertSeverity, FaultCategory, MaintenanceRule, VisitLocation, WorkOrderKind, WorkOrderPriority, WorkOrderStatus } from '../../schemas/work-orders.ts';
import { en } from '../../web/src/i18n/en.ts';
import { setLocale } from '../../web/src/i18n/i18n.ts';
import { id } from '../../web/src/i18n/id.ts';
import { alertKindLabel, relativeTime } from '../../web/src/pages/fleet/fleet-words.ts';
import { batterySummary } from '../../web/src/pages/fleet/telemetry-summary.ts';

// The i18n module sets <html lang> and remembers the choice; in Node both are stand-ins.
beforeAll(() => {
  vi.stubGlobal('document', { documentElement: { lang: 'id' } });
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
});

describe('fleet catalogue', () => {
  it('labels every enum value the fleet pages show, in both languages', () => {
    const groups: [string, readonly string[]][] = [
      ['fleet.risk', Risk.options],
      ['fleet.reason', RiskReason.options],
      ['fleet.kind', DeviceKind.options],
      ['fleet.status', DeviceStatus.options],
      ['fleet.sort', DeviceSort.options],
      ['fleet.chemistry', BatteryChemistry.options],
      ['fleet.reject', RejectReason.options],
      ['fleet.range', ['24h', '7d', '30d']],
      ['fleet.alerts.severity', AlertSeverity.options],
      ['fleet.alerts.kind', [...MaintenanceRule.options, 'red_flag']],
      ['workOrders.kind', WorkOrderKind.options],
      ['workOrders.status', WorkOrderStatus.options],
      ['workOrders.priority', WorkOrderPriority.options],
      ['workOrders.category', FaultCategory.options],
      ['workOrders.location', VisitLocation.options],
    ];
    const keys = groups.flatMap(([group, values]) => values.map((v) => `${group}.${v}`));
    expect(keys.filter((k) => !(k in id))).toEqual([]);
    expect(keys.filter((k) => !(k in en))).toEqual([]);
    // Indonesian and English differ where they should (a copy-paste would leave English in id.ts).
    expect(id['workOrders.status.in_progress']).not.toBe(en['workOrders.status.in_progress']);
  });

  it('shows an alert kind the catalogue does not know yet as it is, instead of a blank', () => {
    setLocale('id');
    expect(alertKindLabel('over_temperature')).toBe('Baterai terlalu panas');
    expect(alertKindLabel('tyre_pressure')).toBe('Lainnya (tyre_pressure)');
    setLocale('en');
    expect(alertKindLabel('tyre_pressure')).toBe('Other (tyre_pressure)');
    setLocale('id');
  });

  it('says how long ago in the current language', () => {
    const now = Date.parse('2026-11-23T08:00:00Z');
    setLocale('id');
    expect(relativeTime('2026-11-23T07:59:30Z', now)).toBe('baru saja');
    expect(relativeTime('2026-11-23T07:55:00Z', now)).toBe('5 menit yang lalu');
    expect(relativeTime('2026-11-20T08:00:00Z', now)).toBe('3 hari yang lalu');
    setLocale('en');
    expect(relativeTime('2026-11-23T05:00:00Z', now)).toBe('3 hours ago');
    setLocale('id');
  });
});

describe('battery chart summary', () => {
  const raw = (socPct: number, charging = false) => ({ t: 0, socPct, voltageV: 25, currentA: 0, tempC: 25, charging, odometerM: 0, motorSeconds: 0, cycleCount: null, fullChargeAh: null });
  const bucket = (socMin: number, socMax: number, socLast: number, chargingPct = 0) => ({
    t: 0, n: 60, socMin, socMax, socLast, voltMin: 24, tempMax: 30, currentMin: 0, chargingPct, distanceM: 0, motorSeconds: 0, fullChargeAh: null, cycleCount: null,
  });

  it('describes the window from raw samples when there are any, not from hourly buckets that began before it', () => {
    setLocale('en');
    // The first bucket started before the window and dipped to 5 %; the raw samples inside it did not.
    const text = batterySummary([raw(80), raw(60), raw(40, true), raw(50, true)], [bucket(5, 95, 80), bucket(40, 80, 50, 50)]);
    expect(text).toBe('Battery went from 80 % to 50 %, lowest 40 %, highest 80 %; charging 50 % of the time.');
  });

  it('falls back to the buckets for longer ranges, weighting charging by samples', () => {
    setLocale('en');
    const text = batterySummary(undefined, [bucket(60, 90, 70, 0), bucket(30, 70, 35, 100)]);
    expect(text).toBe('Battery went from 70 % to 35 %, lowest 30 %, highest 90 %; charging 50 % of the time.');
  });
});
