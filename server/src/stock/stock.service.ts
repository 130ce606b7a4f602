// The stock view (chairs by model and size, counted by status) and a chair's stock record as answered.
import { DeviceKind, DeviceStatus } from '../../../schemas/devices.ts';
import type { StockedDevice, StockView } from '../../../schemas/stock.ts';
import type { Db } from '../../../core/db/client.ts';

const zeroCounts = () => Object.fromEntries(DeviceStatus.options.map((s) => [s, 0])) as Record<DeviceStatus, number>;
const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** Chairs at one centre (or every centre when `centreId` is null), by model and size, with how many are in each status. */
export async function stockView(db: Db, centreId: string | null): Promise<StockView> {
  const groups = await db.device.groupBy({
    by: ['modelId', 'seatWidthMm', 'seatDepthMm', 'status'],
    where: centreId ? { centreId } : {},
    _count: { _all: true },
  });
  const models = new Map(
    (await db.deviceModel.findMany({ where: { id: { in: [...new Set(groups.map((g) => g.modelId))] } }, select: { id: true, name: true, manufacturer: true, kind: true } }))
      .map((m) => [m.id, m]),
  );
  const rows = new Map<string, StockView['rows'][number]>();
  const totals = zeroCounts();
  for (const g of groups) {
    const model = models.get(g.modelId)!;
    const key = `${g.modelId}|${g.seatWidthMm}|${g.seatDepthMm}`;
    const row = rows.get(key) ?? {
      modelId: g.modelId, modelName: model.name, manufacturer: model.manufacturer, kind: DeviceKind.parse(model.kind),
      seatWidthMm: g.seatWidthMm, seatDepthMm: g.seatDepthMm, counts: zeroCounts(),
    };
    const status = DeviceStatus.parse(g.status);
    row.counts[status] += g._count._all;
    totals[status] += g._count._all;
    rows.set(key, row);
  }
  const sorted = [...rows.values()].sort(
    (a, b) => a.modelName.localeCompare(b.modelName) || (a.seatWidthMm ?? 0) - (b.seatWidthMm ?? 0) || (a.seatDepthMm ?? 0) - (b.seatDepthMm ?? 0),
  );
  return { centreId, rows: sorted, totals };
}

export const stockedSelect = {
  id: true, serial: true, modelId: true, centreId: true, status: true, seatWidthMm: true, seatDepthMm: true,
  receivedAt: true, supplier: true, fundingSource: true, batteryInstalledAt: true,
} as const;

type StockedRow = { [K in keyof typeof stockedSelect]: K extends 'receivedAt' | 'batteryInstalledAt' ? Date | null : K extends 'seatWidthMm' | 'seatDepthMm' ? number | null : K extends 'supplier' | 'fundingSource' ? string | null : string };

export function toStocked(d: StockedRow): StockedDevice {
  return { ...d, status: DeviceStatus.parse(d.status), receivedAt: isoDay(d.receivedAt), batteryInstalledAt: isoDay(d.batteryInstalledAt) };
}
