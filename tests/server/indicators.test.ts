// Centre indicators: the numbers from known requests (pure), the API per role and scope, and the
// CSV export with its column headers in Bahasa Indonesia or English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField, indicatorsCsv } from '../../server/src/indicators/csv.ts';
import { computeIndicators, type IndicatorRow } from '../../server/src/indicators/indicators.service.ts';
import { fixedClock } from '../../core/clock.ts';
import { expectError, expectJson, quickSession } from '../helpers/api.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const NOW = d('2027-06-01');

function delivered(created: string, deliveredAt: string, o: { fit?: string; trained?: boolean; followedUp?: string | null } = {}): IndicatorRow {
  return {
    id: 'r', beneficiaryId: 'b', centreId: 'c', state: 'in_use', therapistId: null, deviceId: null, orderSource: null, supplier: null, expectedAt: null,
    createdAt: d(created), updatedAt: d(created), deliveredAt: d(deliveredAt),
    fittings: o.fit === undefined ? [{ outcome: 'ok' }] : o.fit === 'none' ? [] : [{ outcome: 'refit_needed' }, { outcome: o.fit }],
    trainings: o.trained === false ? [] : [{ id: 't' }],
    followUps: o.followedUp === undefined ? [] : [{ dueAt: d(deliveredAt), completedAt: o.followedUp ? d(o.followedUp) : null }],
  };
}
const open = (state: string): IndicatorRow => ({ ...delivered('2027-05-01', '2027-05-01'), state, deliveredAt: null, fittings: [], trainings: [], followUps: [] });

describe('computeIndicators', () => {
  const rows = [
    delivered('2026-01-01', '2026-02-10', { followedUp: '2026-05-01' }), // 40 days; followed up in time
    delivered('2026-01-01', '2026-03-02', { followedUp: '2026-10-01' }), // 60 days; followed up late
    delivered('2026-06-01', '2026-08-10', { trained: false, followedUp: null }), // 70 days; window closed, not followed up
    delivered('2027-01-01', '2027-04-11', { fit: 'refit_needed' }), // 100 days; window still open
    open('prescribed'), open('prescribed'), open('referred'), { ...open('cancelled') },
  ];
  const x = computeIndicators(rows, NOW);

  it('counts requests by state and approvals waiting', () => {
    expect(x.requests).toBe(8);
    expect(x.requestsByState).toMatchObject({ in_use: 4, prescribed: 2, referred: 1, cancelled: 1, approved: 0 });
    expect(Object.keys(x.requestsByState)).toHaveLength(11);
    expect(x.approvalsWaiting).toBe(2);
  });

  it('measures referral to delivery: median and p90 in days', () => {
    expect(x.deliveries).toBe(4);
    expect(x.referralToDeliveryDays).toEqual({ n: 4, median: 65, p90: 91 });
  });

  it('shares of deliveries fitted and trained; followed up within six months once the window has closed', () => {
    expect(x.shares.fitted).toBe(0.75);
    expect(x.shares.trained).toBe(0.75);
    // Eligible: the three whose six months are over; one of them was followed up in time.
    expect(x.shares.followedUpWithin6Months).toBe(0.333);
    expect(x.shares.complete).toBe(0.333);
    expect(x.followUpsOpen).toBe(1);
    expect(x.followUpsOverdue).toBe(1);
  });

  it('is empty-safe', () => {
    expect(computeIndicators([], NOW)).toMatchObject({ deliveries: 0, referralToDeliveryDays: { n: 0, median: null, p90: null }, shares: { fitted: null, followedUpWithin6Months: null } });
  });
});

describe('CSV', () => {
  it('quotes fields that need it and defuses spreadsheet formulas', () => {
    expect(csvField('Balai "Kartini", Temanggung')).toBe('"Balai ""Kartini"", Temanggung"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+62 812')).toBe("'+62 812");
    expect(csvField(null)).toBe('');
    expect(csvField(-3)).toBe('-3');
  });

  it('writes a BOM, CRLF lines and headers in the chosen language', () => {
    const x = { centreId: null, centreName: 'A', ...computeIndicators([], NOW) };
    const id = indicatorsCsv([x], 'id');
    expect(id.startsWith('\uFEFFBalai,Jumlah permintaan,')).toBe(true);
    expect(id.split('\r\n')).toHaveLength(3);
    expect(indicatorsCsv([x], 'en').startsWith('\uFEFFCentre,Requests,')).toBe(true);
  });
});

describe('the API', () => {
  let h: Harness;
  let world: World;
  let manager: Client;
  let admin: Client;
  beforeAll(async () => {
    h = await createHarness();
    world = await loadWorld(h);
    [manager, admin] = await Promise.all([quickSession(h, EMAIL.managerA), quickSession(h, EMAIL.admin)]);
  });
  afterAll(() => h.close());

  it('gives a manager their centre\'s indicators, from the demo pathway (12-day steps: 96 days to delivery)', async () => {
    const x = await expectJson(await manager.get('/api/indicators'));
    const inUse = await h.db.prisma.deviceRequest.count({ where: { centreId: world.centreA, state: 'in_use' } });
    expect(x).toMatchObject({ centreId: world.centreA, centreName: expect.stringContaining('Pangudi Luhur'), deliveries: inUse, referralToDeliveryDays: { n: inUse, median: 96, p90: 96 } });
    expect(x.shares).toMatchObject({ fitted: 1, trained: 1 });
    expect(x.approvalsWaiting).toBe(await h.db.prisma.deviceRequest.count({ where: { centreId: world.centreA, state: 'prescribed' } }));
    expect(x.requests).toBe(await h.db.prisma.deviceRequest.count({ where: { centreId: world.centreA } }));
  });

  it('refuses another centre to a manager (404); gives the admin any centre, or all', async () => {
    await expectError(await manager.get(`/api/indicators?centreId=${world.centreB}`), 404);
    expect((await expectJson(await admin.get(`/api/indicators?centreId=${world.centreB}`))).centreId).toBe(world.centreB);
    const all = await expectJson(await admin.get('/api/indicators'));
    expect(all).toMatchObject({ centreId: null, requests: await h.db.prisma.deviceRequest.count() });
    await expectError(await admin.get('/api/indicators?centreId=nosuchcentre01'), 404);
  });

  it('exports CSV: text/csv, Indonesian headers by default, English with lang=en, one row per centre', async () => {
    const res = await manager.get('/api/indicators/csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="indikator-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toContain('Median hari rujukan sampai penyerahan');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^"Balai Karya ""Pangudi Luhur""",/);
    const en = await (await manager.get('/api/indicators/csv?lang=en')).text();
    expect(en).toContain('Median days referral to delivery');
    const national = (await (await admin.get('/api/indicators/csv')).text()).trimEnd().split('\r\n');
    expect(national).toHaveLength(1 + (await h.db.prisma.centre.count()));
    await expectError(await manager.get('/api/indicators/csv?lang=fr'), 422);
  });
});

describe('the CSV file name', () => {
  it('carries the centres\' own date (WIB), not the UTC one: 03:00 WIB on 4 December is still 3 December in UTC', async () => {
    const early = await createHarness({ clock: fixedClock(new Date('2026-12-03T20:00:00Z')) });
    try {
      const res = await (await early.as(EMAIL.managerA)).get('/api/indicators/csv');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="indikator-2026-12-04.csv"');
    } finally {
      await early.close();
    }
  });
});
