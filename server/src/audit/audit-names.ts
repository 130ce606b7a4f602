// Display names for the objects of audit entries, so the log reads "Beneficiary: Sri Wahyuni" rather
// than an id. Only for entries the reader may already see (auditScope: their centre, or all for an
// admin); an erased or unknown object has no name. Names are looked up per type in one query each.
import type { Db } from '../../../core/db/client.ts';

type Ref = { entityType: string | null; entityId: string | null };

const ids = (refs: readonly Ref[], type: string) => [...new Set(refs.filter((r) => r.entityType === type && r.entityId).map((r) => r.entityId!))];

/** The name of each referenced object, keyed `${type}:${id}`. */
export async function auditEntityNames(db: Db, refs: readonly Ref[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const put = (type: string, rows: { id: string; name: string | null | undefined }[]) => {
    for (const r of rows) if (r.name) names.set(`${type}:${r.id}`, r.name);
  };
  const byPerson = { select: { id: true, beneficiary: { select: { fullName: true } } } } as const;
  const bySerial = { select: { id: true, device: { select: { serial: true } } } } as const;
  const want = (type: string) => ids(refs, type);
  const [beneficiaries, requests, reports, followUps, workOrders, alerts, devices, models, users, centres] = await Promise.all([
    want('Beneficiary').length ? db.beneficiary.findMany({ where: { id: { in: want('Beneficiary') } }, select: { id: true, fullName: true } }) : [],
    want('DeviceRequest').length ? db.deviceRequest.findMany({ where: { id: { in: want('DeviceRequest') } }, ...byPerson }) : [],
    want('IssueReport').length ? db.issueReport.findMany({ where: { id: { in: want('IssueReport') } }, ...byPerson }) : [],
    want('FollowUp').length ? db.followUp.findMany({ where: { id: { in: want('FollowUp') } }, ...byPerson }) : [],
    want('WorkOrder').length ? db.workOrder.findMany({ where: { id: { in: want('WorkOrder') } }, ...bySerial }) : [],
    want('Alert').length ? db.alert.findMany({ where: { id: { in: want('Alert') } }, ...bySerial }) : [],
    want('Device').length ? db.device.findMany({ where: { id: { in: want('Device') } }, select: { id: true, serial: true } }) : [],
    want('DeviceModel').length ? db.deviceModel.findMany({ where: { id: { in: want('DeviceModel') } }, select: { id: true, name: true, manufacturer: true } }) : [],
    want('User').length ? db.user.findMany({ where: { id: { in: want('User') } }, select: { id: true, name: true } }) : [],
    want('Centre').length ? db.centre.findMany({ where: { id: { in: want('Centre') } }, select: { id: true, name: true } }) : [],
  ]);
  put('Beneficiary', beneficiaries.map((b) => ({ id: b.id, name: b.fullName })));
  for (const [type, rows] of [['DeviceRequest', requests], ['IssueReport', reports], ['FollowUp', followUps]] as const) {
    put(type, rows.map((r) => ({ id: r.id, name: r.beneficiary?.fullName })));
  }
  for (const [type, rows] of [['WorkOrder', workOrders], ['Alert', alerts]] as const) put(type, rows.map((r) => ({ id: r.id, name: r.device?.serial })));
  put('Device', devices.map((d) => ({ id: d.id, name: d.serial })));
  // A catalogue entry reads as on the chair page: maker and model.
  put('DeviceModel', models.map((m) => ({ id: m.id, name: `${m.manufacturer} ${m.name}` })));
  put('User', users);
  put('Centre', centres);
  return names;
}
