// Runs a set of simulated chairs on one timer, staggered so that they do not publish in lockstep.
import type { Chemistry } from './battery.ts';
import { SimulatedChair } from './chair.ts';
import { seededRandom } from './usage-model.ts';
import type { BadKind } from './bad-payloads.ts';

export interface FleetChair {
  deviceId: string;
  secret: string;
  chemistry?: Chemistry;
  ratedAh?: number;
}

export interface FleetOptions {
  url: string;
  prefix?: string;
  chairs: FleetChair[];
  intervalS: number;
  physicsSpeed?: number;
  seed?: number;
  badRate?: number;
  badKinds?: BadKind[];
  faultRate?: number;
  clockSkewMs?: number;
}

export interface Fleet {
  chairs: SimulatedChair[];
  stats(): { connected: number; produced: number; unacked: number; bad: number };
  /** Stops producing samples; chairs stay connected so their buffers can drain. */
  halt(): void;
  stop(): Promise<void>;
}

export async function startFleet(o: FleetOptions): Promise<Fleet> {
  const random = seededRandom(o.seed ?? 42);
  const chairs = o.chairs.map(
    (c, i) =>
      new SimulatedChair({
        deviceId: c.deviceId,
        secret: c.secret,
        url: o.url,
        prefix: o.prefix ?? 'atensi',
        chemistry: c.chemistry ?? 'lifepo4',
        ratedAh: c.ratedAh ?? 20,
        random: seededRandom((o.seed ?? 42) * 1000 + i),
        physicsSpeed: o.physicsSpeed ?? 1,
        badRate: o.badRate ?? 0,
        faultRate: o.faultRate ?? 0.0005,
        clockSkewMs: o.clockSkewMs ?? 0,
        activity: 0.3 + random() * 0.7,
        ...(o.badKinds ? { badKinds: o.badKinds } : {}),
      }),
  );
  for (const c of chairs) c.on('error', () => undefined); // reconnects by itself
  await Promise.all(chairs.map((c) => c.powerUp()));

  const periodMs = o.intervalS * 1000;
  const slots = Math.max(1, Math.min(chairs.length, Math.floor(periodMs / 5)));
  let slot = 0;
  const timer = setInterval(() => {
    for (let i = slot; i < chairs.length; i += slots) chairs[i]!.tick();
    slot = (slot + 1) % slots;
  }, periodMs / slots);

  return {
    chairs,
    stats: () => ({
      connected: chairs.filter((c) => c.connected).length,
      produced: chairs.reduce((n, c) => n + c.produced, 0),
      unacked: chairs.reduce((n, c) => n + c.ring.length, 0),
      bad: chairs.reduce((n, c) => n + c.badSent, 0),
    }),
    halt() {
      clearInterval(timer);
    },
    async stop() {
      clearInterval(timer);
      await Promise.all(chairs.map((c) => c.powerOff()));
    },
  };
}
