// Alerts: the open list (most severe first), filters, what technicians may not see, acknowledging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, expectInvalid, expectJson } from '../helpers/api.ts';
import { deviceOf, ruleAlert } from '../helpers/fleet-fixture.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let tech: Client;
let therapist: Client;
let admin: Client;
let fajar: string;
let dimas: string;
const ids = {} as Record<'infoOld' | 'warning' | 'critical' | 'infoNew' | 'cleared' | 'redFlag' | 'otherCentre', string>;
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  [tech, therapist, admin] = await Promise.all([h.as(EMAIL.technicianA), h.as(EMAIL.therapistA), h.as(EMAIL.admin)]);
  fajar = (await deviceOf(h, 'Muhammad Fajar Nugroho')).id;
  dimas = (await deviceOf(h, 'Dimas Saputra')).id;
  const otherCentreDevice = (await deviceOf(h, 'Eko Prasetyo')).id;
  const a = world.centreA;
  ids.infoOld = (await ruleAlert(h, { centreId: a, deviceId: fajar, kind: 'deep_discharge', severity: 'info', createdAt: minutesAgo(50), details: { socPct: 14.5 } })).id;
  ids.warning = (await ruleAlert(h, { centreId: a, deviceId: fajar, kind: 'over_temperature', severity: 'warning', createdAt: minutesAgo(40), details: { tempC: 55.2, thresholdC: 50 } })).id;
  ids.critical = (await ruleAlert(h, { centreId: a, deviceId: dimas, kind: 'controller_fault', severity: 'critical', createdAt: minutesAgo(30), details: { code: 'VR2-3' } })).id;
  ids.infoNew = (await ruleAlert(h, { centreId: a, deviceId: dimas, kind: 'silent_chair', severity: 'info', createdAt: minutesAgo(5) })).id;
  ids.cleared = (await ruleAlert(h, { centreId: a, deviceId: fajar, kind: 'deep_discharge', severity: 'info', createdAt: minutesAgo(90), clearedAt: minutesAgo(60) })).id;
  ids.redFlag = (await ruleAlert(h, { centreId: a, kind: 'red_flag', severity: 'critical', beneficiaryId: world.beneficiaryOf.familyA2, createdAt: minutesAgo(20) })).id;
  ids.otherCentre = (await ruleAlert(h, { centreId: world.centreB, deviceId: otherCentreDevice, kind: 'over_temperature', severity: 'critical' })).id;
});
afterAll(() => h.close());

const list = async (c: Client, q = '') => (await expectJson(await c.get(`/api/alerts${q}`))) as { items: Record<string, unknown>[]; total: number };
const order = (body: { items: Record<string, unknown>[] }) => body.items.map((a) => a.id as string);

describe('GET /api/alerts', () => {
  it('lists open alerts of the own centre, most severe first and newest first within a severity', async () => {
    const body = await list(tech);
    expect(order(body)).toEqual([ids.critical, ids.warning, ids.infoNew, ids.infoOld]);
    expect(body.total).toBe(4);
    const warning = body.items[1];
    expect(warning).toMatchObject({
      id: ids.warning,
      centreId: world.centreA,
      deviceId: fajar,
      kind: 'over_temperature',
      severity: 'warning',
      details: { tempC: 55.2, thresholdC: 50 },
      clearedAt: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
      workOrderId: null,
    });
    expect(warning!.deviceSerial).toMatch(/^ATM-E-/);
  });

  it('hides alerts with clinical meaning (red flags) from technicians, not from therapists', async () => {
    expect(order(await list(tech))).not.toContain(ids.redFlag);
    expect(order(await list(tech, '?kind=red_flag'))).toEqual([]);
    expect(order(await list(therapist))).toEqual([ids.redFlag, ids.critical, ids.warning, ids.infoNew, ids.infoOld]);
  });

  it('filters by status, device, kind and severity, and pages across severities', async () => {
    expect(order(await list(tech, '?status=cleared'))).toEqual([ids.cleared]);
    expect((await list(tech, '?status=all')).total).toBe(5);
    expect(order(await list(tech, `?deviceId=${dimas}`))).toEqual([ids.critical, ids.infoNew]);
    expect(order(await list(tech, '?kind=over_temperature'))).toEqual([ids.warning]);
    expect(order(await list(tech, '?severity=info'))).toEqual([ids.infoNew, ids.infoOld]);
    const page = await list(tech, '?limit=2&offset=1');
    expect(order(page)).toEqual([ids.warning, ids.infoNew]);
    expect(page.total).toBe(4);
  });

  it('an admin sees every centre\'s alerts, or one centre\'s', async () => {
    expect(order(await list(admin))).toContain(ids.otherCentre);
    expect(order(await list(admin, `?centreId=${world.centreB}`))).toEqual([ids.otherCentre]);
    expect(order(await list(tech, `?centreId=${world.centreB}`))).toEqual([]);
  });

  it('answers 422 for bad filters', async () => {
    await expectInvalid(await tech.get('/api/alerts?severity=fatal'), ['severity']);
    await expectInvalid(await tech.get('/api/alerts?status=closed'), ['status']);
    await expectInvalid(await tech.get('/api/alerts?kind=DROP%20TABLE'), ['kind']);
    await expectInvalid(await tech.get('/api/alerts?deviceId=x'), ['deviceId']);
  });
});

describe('POST /api/alerts/{id}/acknowledge', () => {
  it('records who acknowledged and when, keeps the alert open, and audits it', async () => {
    const a = await expectJson(await tech.post(`/api/alerts/${ids.warning}/acknowledge`));
    expect(a).toMatchObject({ id: ids.warning, clearedAt: null, acknowledgedBy: { id: world.user.technicianA, name: 'Joko Susilo' } });
    expect(Date.now() - Date.parse(a.acknowledgedAt)).toBeLessThan(60_000);
    expect(order(await list(tech))).toContain(ids.warning);
    const audit = await h.db.prisma.auditLog.findFirst({ where: { action: 'alert.acknowledge', entityId: ids.warning } });
    expect(audit).toMatchObject({ actorId: world.user.technicianA, entityType: 'Alert', centreId: world.centreA });
  });

  it('refuses a second acknowledgement and a cleared alert (409)', async () => {
    await expectError(await tech.post(`/api/alerts/${ids.warning}/acknowledge`), 409);
    await expectError(await tech.post(`/api/alerts/${ids.cleared}/acknowledge`), 409);
  });

  it('another centre\'s alert and a red flag (for a technician) are not found', async () => {
    await expectError(await tech.post(`/api/alerts/${ids.otherCentre}/acknowledge`), 404);
    await expectError(await tech.post(`/api/alerts/${ids.redFlag}/acknowledge`), 404);
    await expectJson(await therapist.post(`/api/alerts/${ids.redFlag}/acknowledge`));
  });
});
