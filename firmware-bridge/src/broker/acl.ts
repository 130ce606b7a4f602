// Who may publish and subscribe where: a chair only to its own telemetry/status and its own ack;
// the bridge reads every chair's telemetry and status and writes acks. Pure functions, tested alone.
import { chairTopics, parseChairTopic } from '../../../schemas/telemetry.ts';

export type Principal = { kind: 'chair'; deviceId: string } | { kind: 'bridge' };

export type Decision = { ok: true } | { ok: false; reason: 'topic_mismatch' | 'unknown_topic' | 'forbidden' };

export function canPublish(p: Principal, topic: string, prefix: string): Decision {
  const parsed = parseChairTopic(topic, prefix);
  if (p.kind === 'bridge') return parsed?.kind === 'ack' ? { ok: true } : { ok: false, reason: 'forbidden' };
  if (!parsed) return { ok: false, reason: 'unknown_topic' };
  if (parsed.kind === 'ack') return { ok: false, reason: 'forbidden' };
  return parsed.deviceId === p.deviceId ? { ok: true } : { ok: false, reason: 'topic_mismatch' };
}

export function bridgeSubscriptions(prefix: string) {
  return [`${prefix}/chairs/+/telemetry`, `${prefix}/chairs/+/status`];
}

export function canSubscribe(p: Principal, filter: string, prefix: string): boolean {
  if (p.kind === 'bridge') return bridgeSubscriptions(prefix).includes(filter) || filter === `${prefix}/chairs/+/ack`;
  return filter === chairTopics(p.deviceId, prefix).ack;
}
