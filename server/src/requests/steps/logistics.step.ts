// Steps 4b–4c, ordering and product preparation: the order (from stock or a supplier, with the
// expected date), then a serial-numbered device assigned to the beneficiary. An electric chair gets
// a new MQTT secret here, returned once in this answer; only its hash is stored.
import type { OrderStep, PrepareStep } from '../../../../schemas/pathway-steps.ts';
import { generateDeviceSecret, hashDeviceSecret } from '../../../../core/devices/credentials.ts';
import { conflict } from '../../lib/errors.ts';
import { addMonths } from '../follow-up-schedule.ts';
import { invalidAt, type StepContext, type StepOutcome } from './step-context.ts';
import { day } from '../../../../schemas/centre-time.ts';
import { serialKey } from '../../../../schemas/devices.ts';
import { moveChair, recordChairEvent } from '../../../../core/chair-life/chair-life.service.ts';
import { canMove } from '../../../../schemas/chair-life.ts';
import { life } from './step-context.ts';

export async function order(ctx: StepContext, body: OrderStep): Promise<StepOutcome> {
  const { request, now } = ctx;
  const expectedAt = day(body.expectedAt);
  const approvedAt = request.funding.filter((f) => f.decision === 'approved').at(-1)?.decidedAt ?? null;
  if (approvedAt && expectedAt < day(approvedAt.toISOString().slice(0, 10))) {
    throw invalidAt(['expectedAt'], 'date_order', 'the expected date is before the funding approval');
  }
  if (expectedAt > addMonths(now, 12)) throw invalidAt(['expectedAt'], 'date_too_far', 'the expected date is more than a year away');
  return {
    requestData: { orderSource: body.orderSource, supplier: body.orderSource === 'supplier' ? (body.supplier ?? null) : null, expectedAt },
    note: body.note ?? null,
  };
}

/** `ordered → prepared`: a device in stock, or a new one registered by serial. */
async function prepareDevice(ctx: StepContext, body: PrepareStep): Promise<StepOutcome> {
  const { tx, request, now } = ctx;
  const p = request.prescription;
  if (!p) throw conflict('this request has no prescription');
  if (!body.deviceId && !body.serial) throw invalidAt(['deviceId'], 'device_required', 'choose a device in stock or register a new serial');
  const assign = { beneficiaryId: request.beneficiaryId, status: 'reserved' };
  let deviceId: string;
  /** A chair registered new did not come from the centre's stock, whatever the order first said. */
  let notFromStock = false;
  if (body.deviceId) {
    const d = await tx.device.findFirst({ where: { id: body.deviceId, centreId: request.centreId } });
    if (!d) throw invalidAt(['deviceId'], 'device_unavailable', 'no device at this centre with this id');
    // A chair that is reserved, in use, lent, in transit or retired cannot be issued again: 409, as for every chair step.
    if (!canMove('reserve', d.status)) throw conflict(`this chair is ${d.status.replace('_', ' ')}, not in stock`);
    if (d.modelId !== p.modelId || d.seatWidthMm !== p.seatWidthMm || d.seatDepthMm !== p.seatDepthMm) {
      throw invalidAt(['deviceId'], 'device_mismatch', 'this device is not the prescribed model and size');
    }
    deviceId = d.id;
    await moveChair(life(ctx), d, { step: 'reserve', data: { beneficiaryId: request.beneficiaryId }, beneficiaryId: request.beneficiaryId, details: { requestId: request.id } });
  } else {
    if (await tx.device.findUnique({ where: { serialKey: serialKey(body.serial!) } })) throw conflict(`a device with serial ${body.serial} is already registered`);
    const d = await tx.device.create({
      data: {
        serial: body.serial!,
        serialKey: serialKey(body.serial!),
        modelId: p.modelId,
        centreId: request.centreId,
        seatWidthMm: p.seatWidthMm,
        seatDepthMm: p.seatDepthMm,
        batteryInstalledAt: p.model.kind === 'electric' ? now : null,
        ...assign,
      },
    });
    deviceId = d.id;
    notFromStock = request.orderSource === 'stock';
    await recordChairEvent(life(ctx), { deviceId, kind: 'reserved', beneficiaryId: request.beneficiaryId, centreId: request.centreId, details: { requestId: request.id, registered: true } });
  }
  let credentials: StepOutcome['credentials'];
  let mqttSecretHash: string | null | undefined;
  if (p.model.kind === 'electric') {
    // A fresh secret even for a stock chair: whoever configures it now needs one, and an old one may be known.
    const secret = generateDeviceSecret();
    mqttSecretHash = hashDeviceSecret(secret);
    credentials = { deviceId, username: deviceId, secret };
  }
  if (mqttSecretHash) await tx.device.update({ where: { id: deviceId }, data: { mqttSecretHash } });
  return { requestData: { deviceId, ...(notFromStock ? { orderSource: 'supplier' } : {}) }, note: body.note ?? null, credentials };
}

/** `fitted → prepared`: the refit loop; the same device goes back to the workshop with the reason. */
function refit(body: PrepareStep): StepOutcome {
  if (body.deviceId || body.serial) throw invalidAt([body.deviceId ? 'deviceId' : 'serial'], 'refit_keeps_device', 'a refit adjusts the device already prepared');
  if (!body.note) throw invalidAt(['note'], 'reason_required', 'say what the refit must change');
  return { note: body.note };
}

export function prepare(ctx: StepContext, body: PrepareStep): Promise<StepOutcome> | StepOutcome {
  return ctx.from === 'fitted' ? refit(body) : prepareDevice(ctx, body);
}
