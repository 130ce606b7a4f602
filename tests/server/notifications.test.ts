// In-app notifications: each user sees and marks only their own, newest first with an unread count;
// notify() keeps one row per user and dedupe key and queues webhook deliveries for the recipient's
// centre; every kind has a message in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationKind, NotificationList } from '../../schemas/notifications.ts';
import { messageFor } from '../../core/notifications/messages.ts';
import { centreStaff, familyOf, notify, type NotifyInput } from '../../core/notifications/notify.ts';
import { expectInvalid, expectJson, quickSession } from '../helpers/api.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let familyA1: Client;
let familyA2: Client;
let therapistA: Client;

const send = (input: Omit<NotifyInput, 'now' | 'link'> & { now?: Date; link?: string }) =>
  h.db.prisma.$transaction((tx) => notify(tx, { link: '/reports/abc12345', now: new Date(), ...input }));

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  [familyA1, familyA2, therapistA] = await Promise.all([
    quickSession(h, EMAIL.familyA1), quickSession(h, EMAIL.familyA2), quickSession(h, EMAIL.therapistA),
  ]);
});
afterAll(() => h.close());

describe('own notifications', () => {
  it('lists only the caller\'s notifications, newest first, with total and unread', async () => {
    const t = Date.UTC(2026, 10, 20, 8);
    await send({ userIds: [world.user.familyA1], kind: 'report_status', params: { status: 'scheduled' }, now: new Date(t) });
    await send({ userIds: [world.user.familyA1, world.user.familyA2], kind: 'deep_discharge', params: { socPct: '14' }, link: '/', now: new Date(t + 60_000) });
    await send({ userIds: [world.user.familyA2], kind: 'report_comment', params: {}, now: new Date(t + 120_000) });

    const mine = NotificationList.parse(await expectJson(await familyA1.get('/api/notifications')));
    expect(mine.items.map((n) => n.kind)).toEqual(['deep_discharge', 'report_status']);
    expect(mine).toMatchObject({ total: 2, unread: 2 });
    expect(mine.items[0]).toMatchObject({ params: { socPct: '14' }, link: '/', urgent: false, readAt: null });
    const theirs = NotificationList.parse(await expectJson(await familyA2.get('/api/notifications')));
    expect(theirs.items.map((n) => n.kind)).toEqual(['report_comment', 'deep_discharge']);
    expect(theirs.items.some((n) => mine.items.some((m) => m.id === n.id))).toBe(false);
    expect(await expectJson(await therapistA.get('/api/notifications'))).toEqual({ items: [], total: 0, unread: 0 });
  });

  it('pages, and filters on unread', async () => {
    const page = await expectJson(await familyA1.get('/api/notifications?limit=1&offset=1'));
    expect(page.items.map((n: { kind: string }) => n.kind)).toEqual(['report_status']);
    expect(page.total).toBe(2);
    await expectInvalid(await familyA1.get('/api/notifications?unread=maybe'), ['unread']);
  });

  it('marks own ids read; another user\'s ids silently match nothing', async () => {
    const theirs = await expectJson(await familyA2.get('/api/notifications'));
    const mine = await expectJson(await familyA1.get('/api/notifications'));
    const res = await expectJson(await familyA1.post('/api/notifications/read', { ids: [...theirs.items.map((n: { id: string }) => n.id), mine.items[0].id] }));
    expect(res).toEqual({ updated: 1, unread: 1 });
    const after = await expectJson(await familyA2.get('/api/notifications'));
    expect(after.unread).toBe(2);
    expect(after.items.every((n: { readAt: string | null }) => n.readAt === null)).toBe(true);

    const unread = await expectJson(await familyA1.get('/api/notifications?unread=true'));
    expect(unread.items.map((n: { id: string }) => n.id)).toEqual([mine.items[1].id]);
    const read = await expectJson(await familyA1.get('/api/notifications?unread=false'));
    expect(read.items.map((n: { id: string }) => n.id)).toEqual([mine.items[0].id]);
    expect(read.items[0].readAt).not.toBeNull();
  });

  it('marks all own read, and nobody else\'s', async () => {
    expect(await expectJson(await familyA1.post('/api/notifications/read', { all: true }))).toEqual({ updated: 1, unread: 0 });
    expect((await expectJson(await familyA2.get('/api/notifications'))).unread).toBe(2);
  });

  it('refuses a body that names nothing, or too many ids', async () => {
    await expectInvalid(await familyA1.post('/api/notifications/read', {}), ['ids']);
    await expectInvalid(await familyA1.post('/api/notifications/read', { ids: [] }), ['ids']);
    await expectInvalid(await familyA1.post('/api/notifications/read', { all: false }), ['all']);
    await expectInvalid(await familyA1.post('/api/notifications/read', { ids: ['not an id!'] }), ['ids', 0]);
  });
});

describe('notify()', () => {
  it('writes one notification per user and dedupe key, inside the caller\'s transaction', async () => {
    const input = { userIds: [world.user.therapistA, world.user.therapistA], kind: 'report_red_flag' as const, params: { category: 'headache' }, urgent: true, dedupeKey: `red:${Date.now()}` };
    expect(await send(input)).toBe(1);
    expect(await send(input)).toBe(0);
    expect(await send({ ...input, userIds: [world.user.therapistA, world.user.therapistA2] })).toBe(1);
    // A rolled-back transaction leaves no notification.
    await expect(
      h.db.prisma.$transaction(async (tx) => {
        await notify(tx, { userIds: [world.user.technicianA], kind: 'work_order_assigned', params: {}, link: '/work-orders/x', now: new Date() });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await h.db.prisma.notification.count({ where: { userId: world.user.technicianA } })).toBe(0);
    const list = await expectJson(await therapistA.get('/api/notifications'));
    expect(list.items[0]).toMatchObject({ kind: 'report_red_flag', urgent: true, params: { category: 'headache' } });
  });

  it('centreStaff and familyOf find the active recipients', async () => {
    const staff = await centreStaff(h.db.prisma, world.centreA, ['therapist']);
    expect(staff).toEqual(expect.arrayContaining([world.user.therapistA, world.user.therapistA2]));
    expect(staff).not.toContain(world.user.therapistB);
    expect(await familyOf(h.db.prisma, world.beneficiaryOf.familyA1)).toEqual([world.user.familyA1]);
  });

  it('queues a delivery per recipient whose centre has an enabled webhook: staff by centre, family by beneficiary, admins none', async () => {
    await h.db.prisma.webhookEndpoint.create({ data: { centreId: world.centreB, url: 'http://127.0.0.1:9/hook', secret: 's'.repeat(43) } });
    await send({ userIds: [world.user.familyB1, world.user.therapistB, world.user.therapistA, world.user.admin], kind: 'report_new', params: { category: 'brakes' } });
    const rows = await h.db.prisma.webhookDelivery.findMany();
    const recipients = rows.map((r) => JSON.parse(r.payload).recipient.userId).sort();
    expect(recipients).toEqual([world.user.familyB1, world.user.therapistB].sort());
    for (const r of rows) {
      const p = JSON.parse(r.payload);
      expect(p).toMatchObject({ event: 'report_new', centreId: world.centreB, message: 'Ada laporan baru dari keluarga: rem bermasalah.', link: '/reports/abc12345' });
      expect(r.notificationId).toBe(p.id);
      expect(r.nextAttemptAt).not.toBeNull();
    }
  });
});

describe('server-side messages', () => {
  it('every kind has a sentence in both languages, without raw codes or "undefined"', () => {
    for (const kind of NotificationKind.options) {
      for (const locale of ['id', 'en'] as const) {
        for (const params of [{}, { category: 'headache', status: 'resolved', kind: 'repair', socPct: '12' }, { category: '<b>x</b>', status: 'nope' }] as Record<string, string>[]) {
          const m = messageFor(kind, params, locale);
          expect(m.length, `${kind} ${locale}`).toBeGreaterThan(10);
          expect(m).not.toMatch(/undefined|null|<b>|nope|\{/);
        }
      }
      expect(messageFor(kind, {}, 'id')).not.toBe(messageFor(kind, {}, 'en'));
    }
  });

  it('words the params in the reader\'s language', () => {
    expect(messageFor('deep_discharge', { socPct: '15' }, 'id')).toBe('Baterai kursi roda (15%) hampir habis. Mohon segera diisi ulang sampai penuh.');
    expect(messageFor('deep_discharge', { socPct: '15' }, 'en')).toBe('The wheelchair battery (15%) is almost empty. Please charge it fully soon.');
    expect(messageFor('report_red_flag', { category: 'vomiting' }, 'en')).toBe('URGENT: a red-flag report (vomiting). Contact the family now.');
    expect(messageFor('work_order_status', { kind: 'repair', status: 'in_progress' }, 'id')).toBe('Perintah kerja (perbaikan) sekarang: sedang dikerjakan.');
    expect(messageFor('work_order_assigned', { kind: 'battery_replacement' }, 'en')).toBe('A work order was assigned to you: battery replacement.');
  });
});
