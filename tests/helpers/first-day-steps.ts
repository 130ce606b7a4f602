// Steps of the first-day end-to-end test done through the HTTP API by the role that does them in a
// centre: the service pathway from referral to handover, and a chair's refurbishment.
import { expect } from 'vitest';
import type { Client } from './harness.ts';
import { expectJson, isoDay } from './api.ts';
import { assessBody, referralBody } from './pathway.ts';

export interface Team {
  therapist: Client;
  manager: Client;
}

export interface Prescribed {
  modelId: string;
  seatWidthMm: number;
  seatDepthMm: number;
}

async function step(c: Client, requestId: string, body: Record<string, unknown>) {
  const res = await expectJson<{ request: { state: string; stockDevices?: { id: string }[] } }>(await c.post(`/api/requests/${requestId}/transitions`, body));
  expect(res.request.state).toBe(body.to);
  return res.request;
}

/**
 * Referral to `ordered` from stock: the therapist refers, assesses and prescribes, the manager
 * approves the funding, the therapist orders. Returns the request and the centre's chairs offered.
 */
export async function referToOrdered(team: Team, beneficiaryId: string, p: Prescribed) {
  const created = await expectJson<{ id: string; state: string }>(await team.therapist.post('/api/requests', { beneficiaryId, referral: referralBody() }), 201);
  expect(created.state).toBe('referred');
  await step(team.therapist, created.id, assessBody());
  await step(team.therapist, created.id, {
    to: 'prescribed', ...p, pelvicBelt: true, lateralSupports: true, headSupport: false, tiltInSpace: false, cushion: 'contoured_foam',
  });
  // A therapist may not approve the money: that is the manager's step.
  expect((await team.therapist.post(`/api/requests/${created.id}/transitions`, { to: 'approved', fundingSource: 'APBN ATENSI 2026' })).status).toBe(403);
  await step(team.manager, created.id, { to: 'approved', fundingSource: 'APBN ATENSI 2026' });
  const ordered = await step(team.therapist, created.id, { to: 'ordered', orderSource: 'stock', expectedAt: isoDay(7) });
  return { requestId: created.id, stockDevices: ordered.stockDevices ?? [] };
}

/** From `ordered`: the chair in stock is prepared (reserved), fitted, the family trained, and handed over. */
export async function prepareToInUse(team: Team, requestId: string, deviceId: string) {
  await step(team.therapist, requestId, { to: 'prepared', deviceId });
  await step(team.therapist, requestId, { to: 'fitted', sizeOk: true, postureOk: true, pressureOk: true, movementOk: true });
  await step(team.therapist, requestId, {
    to: 'trained', trainee: 'caregiver', transfers: true, mobility: true, pressureRelief: true, careMaintenance: true, batteryCharging: false, whoToContact: true,
  });
  await step(team.therapist, requestId, { to: 'in_use' });
}

/** The returned chair's refurbishment work order, worked by the technician until the chair is back in stock. */
export async function refurbish(technician: Client, technicianId: string, deviceId: string) {
  const list = await expectJson<{ items: { id: string; kind: string; status: string }[] }>(await technician.get(`/api/work-orders?deviceId=${deviceId}&kind=refurbishment`));
  expect(list.items).toHaveLength(1);
  const id = list.items[0]!.id;
  const wo = await expectJson<{ checklist: { item: string; done: boolean }[] }>(await technician.get(`/api/work-orders/${id}`));
  // A manual chair: no battery or controller on its checklist.
  expect(wo.checklist.map((e) => e.item)).toEqual(['clean_disinfect', 'frame_welds', 'brakes', 'tyres_castors', 'upholstery_cushion']);
  expect(wo.checklist.every((e) => !e.done)).toBe(true);
  const act = (body: Record<string, unknown>) => technician.patch(`/api/work-orders/${id}`, body);
  await expectJson(await act({ action: 'assign', assigneeId: technicianId }));
  await expectJson(await act({ action: 'start' }));
  await expectJson(await act({ action: 'checklist', items: wo.checklist.slice(0, 4).map((e) => ({ item: e.item, done: true })) }));
  // One item still open: the chair may not go back to stock yet.
  const early = await act({ action: 'resolve', notes: 'Siap dipakai lagi.', outcome: 'in_stock' });
  expect(early.status).toBe(409);
  await expectJson(await act({ action: 'checklist', items: [{ item: 'upholstery_cushion', done: true, note: 'Bantalan diganti baru.' }] }));
  await expectJson(await act({ action: 'resolve', notes: 'Dibersihkan, rem disetel, bantalan baru. Siap dipakai lagi.', outcome: 'in_stock' }));
  return id;
}
