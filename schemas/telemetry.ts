// The MQTT contract of electric chairs (docs/architecture.md, No-loss protocol): topics and payloads, validated at the bridge.
// JSON Schema for firmware makers is generated from these (docs/asyncapi.yaml references it).
import { z } from 'zod';

export const MAX_TELEMETRY_BYTES = 2048;
/** The largest MQTT packet a broker accepts (embedded guard and Mosquitto's max_packet_size); larger ends the connection. */
export const MAX_PACKET_BYTES = 16 * 1024;
export const DEFAULT_TOPIC_PREFIX = 'atensi';

/** A device id as it appears in topics, usernames and client ids. */
export const DeviceId = z.string().regex(/^[a-z0-9]{8,40}$/, 'not a device id');
export const BootId = z.string().min(1).max(36).regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only');

export const Fault = z.strictObject({
  code: z.string().min(1).max(16).regex(/^[A-Za-z0-9_-]+$/),
  active: z.boolean(),
});

export const Battery = z.strictObject({
  socPct: z.number().min(0).max(100),
  voltageV: z.number().min(0).max(80),
  currentA: z.number().min(-300).max(300).describe('negative = discharging'),
  tempC: z.number().min(-40).max(100),
  charging: z.boolean(),
  cycleCount: z.number().int().min(0).max(1_000_000).optional(),
  fullChargeAh: z.number().gt(0).max(1000).optional(),
});

export const Usage = z.strictObject({
  odometerM: z.number().int().min(0).max(1e9).describe('lifetime metres'),
  motorSeconds: z.number().int().min(0).max(1e10).describe('lifetime seconds'),
  seatTiltDeg: z.number().min(-10).max(60).optional(),
});

export const TelemetryV1 = z
  .strictObject({
    v: z.literal(1),
    bootId: BootId,
    seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    ts: z.number().int().min(0).max(8.64e15).describe('ms since epoch, device clock'),
    battery: Battery,
    usage: Usage,
    faults: z.array(Fault).max(16).optional(),
  })
  .meta({ id: 'TelemetryV1', title: 'Telemetry v1' });
export type TelemetryV1 = z.infer<typeof TelemetryV1>;

export const StatusV1 = z
  .discriminatedUnion('state', [
    z.strictObject({ v: z.literal(1), state: z.literal('online'), bootId: BootId, fw: z.string().min(1).max(40).regex(/^[\x20-\x7e]+$/, 'printable ASCII only'), ts: z.number().int().min(0) }),
    z.strictObject({ v: z.literal(1), state: z.literal('offline') }),
  ])
  .meta({ id: 'StatusV1', title: 'Status v1 (retained; Last Will is the offline form)' });
export type StatusV1 = z.infer<typeof StatusV1>;

export const AckV1 = z
  .strictObject({ v: z.literal(1), bootId: BootId, seq: z.number().int().min(-1) })
  .meta({ id: 'AckV1', title: 'Ack v1: highest contiguous seq committed for that boot (retained)' });
export type AckV1 = z.infer<typeof AckV1>;

export const RejectReason = z.enum([
  'bad_json',
  'not_utf8',
  'schema',
  'unknown_device',
  'topic_mismatch',
  'oversize',
  'future_timestamp',
  'unknown_topic',
  'forbidden',
  'auth_failed',
]);
export type RejectReason = z.infer<typeof RejectReason>;

export const chairTopicKinds = ['telemetry', 'status', 'ack'] as const;
export type ChairTopicKind = (typeof chairTopicKinds)[number];
export type ChairTopics = Record<ChairTopicKind, string>;

export function chairTopics(deviceId: string, prefix = DEFAULT_TOPIC_PREFIX): ChairTopics {
  const base = `${prefix}/chairs/${deviceId}`;
  return { telemetry: `${base}/telemetry`, status: `${base}/status`, ack: `${base}/ack` };
}

/** Splits a chair topic into device id and kind; null for anything else. */
export function parseChairTopic(topic: string, prefix = DEFAULT_TOPIC_PREFIX): { deviceId: string; kind: ChairTopicKind } | null {
  const parts = topic.split('/');
  if (parts.length !== 4 || parts[0] !== prefix || parts[1] !== 'chairs') return null;
  const kind = chairTopicKinds.find((k) => k === parts[3]);
  if (!kind) return null;
  if (!DeviceId.safeParse(parts[2]).success) return null;
  return { deviceId: parts[2]!, kind };
}
