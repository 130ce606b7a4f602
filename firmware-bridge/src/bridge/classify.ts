// Turns one MQTT message into a sample, a status change or a rejection with its reason.
import { z } from 'zod';
import { BootId, MAX_TELEMETRY_BYTES, parseChairTopic, StatusV1, TelemetryV1 } from '../../../schemas/telemetry.ts';
import type { AcceptedSample, Rejection, StatusChange } from '../../../core/telemetry/telemetry-store.ts';

const DAY = 86_400_000;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export type Classified =
  | { kind: 'sample'; value: AcceptedSample }
  | { kind: 'status'; value: StatusChange }
  | { kind: 'rejected'; value: Rejection };

export interface ClassifyContext {
  prefix: string;
  receivedAt: number;
  knowsDevice(deviceId: string): boolean;
}

/** A short, printable preview of a refused payload for technicians (never executed or rendered as HTML). */
export function preview(payload: Buffer): string {
  return payload.subarray(0, 200).toString('latin1').replace(/[^\x20-\x7e]/g, '.');
}

function describeIssues(err: z.ZodError): string {
  return err.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/** The boot id and seq of a payload that failed validation, when they are themselves valid. */
function readableSlot(json: unknown): { bootId: string; seq: number } | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const { bootId, seq } = json as { bootId?: unknown; seq?: unknown };
  if (!BootId.safeParse(bootId).success || typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return undefined;
  return { bootId: bootId as string, seq };
}

export function classify(topic: string, payload: Buffer, ctx: ClassifyContext): Classified {
  const reject = (reason: Rejection['reason'], detail: string, deviceId: string | null = null, slot?: Rejection['slot']): Classified => ({
    kind: 'rejected',
    value: { receivedAt: ctx.receivedAt, deviceId, clientId: null, topic, reason, detail, size: payload.length, preview: preview(payload), ...(slot ? { slot } : {}) },
  });
  const parsed = parseChairTopic(topic, ctx.prefix);
  if (!parsed || parsed.kind === 'ack') return reject('unknown_topic', 'not a chair telemetry or status topic');
  const { deviceId } = parsed;
  if (!ctx.knowsDevice(deviceId)) return reject('unknown_device', `no electric chair ${deviceId} in the registry`);
  let text: string;
  try {
    text = utf8.decode(payload);
  } catch {
    return reject('not_utf8', 'payload is not valid UTF-8', deviceId);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    if (payload.length > MAX_TELEMETRY_BYTES) return reject('oversize', `${payload.length} bytes; the limit is ${MAX_TELEMETRY_BYTES}`, deviceId);
    return reject('bad_json', (err as Error).message.slice(0, 200), deviceId);
  }
  const telemetry = parsed.kind === 'telemetry';
  // A sample refused for what it says still fills its sequence slot, so the chair's ack moves on.
  const slot = telemetry ? readableSlot(json) : undefined;
  if (payload.length > MAX_TELEMETRY_BYTES) return reject('oversize', `${payload.length} bytes; the limit is ${MAX_TELEMETRY_BYTES}`, deviceId, slot);
  if (!telemetry) {
    const status = StatusV1.safeParse(json);
    if (!status.success) return reject('schema', describeIssues(status.error), deviceId);
    const s = status.data;
    return {
      kind: 'status',
      value: s.state === 'online'
        ? { deviceId, online: true, at: ctx.receivedAt, bootId: s.bootId, fw: s.fw }
        : { deviceId, online: false, at: ctx.receivedAt },
    };
  }
  const sample = TelemetryV1.safeParse(json);
  if (!sample.success) return reject('schema', describeIssues(sample.error), deviceId, slot);
  if (sample.data.ts > ctx.receivedAt + DAY) {
    return reject('future_timestamp', `device time ${new Date(sample.data.ts).toISOString()} is more than a day ahead`, deviceId, slot);
  }
  return { kind: 'sample', value: { deviceId, sample: sample.data, receivedAt: ctx.receivedAt } };
}
