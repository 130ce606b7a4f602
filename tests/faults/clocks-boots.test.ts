// Faults of the devices themselves during a stream: clocks wrong by hours (either way), and chairs
// that lose power and come back with a new bootId while their ring buffer still holds samples of
// the previous boot. Every sample is stored exactly once under its own boot; a clock more than a day
// ahead is refused sample by sample (future_timestamp) without stalling that chair's acks.
import { describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../firmware-bridge/src/simulator/fleet.ts';
import { ledger, report, sleep, startStack } from './kit.ts';

const HOUR = 3_600_000;

describe('fault: wrong device clocks and power cycles with a new bootId', () => {
  it('stores every sample exactly once per boot, with the device time it carried', async () => {
    const stack = await startStack('aedes', 16, 'cb');
    const { f } = stack;
    const [ok, ahead, behind, farAhead] = [0, 4, 8, 12].map((i) => stack.fleetChairs.slice(i, i + 4));
    const fleets: Fleet[] = [];
    try {
      const start = (chairs: typeof ok, clockSkewMs: number, seed: number) =>
        startFleet({ url: f.url, chairs: chairs!, intervalS: 0.05, physicsSpeed: 60, faultRate: 0, seed, clockSkewMs });
      fleets.push(await start(ok, 0, 1), await start(ahead, 7 * HOUR, 2), await start(behind, -9 * HOUR, 3));
      const far = await start(farAhead, 2 * 24 * HOUR, 4);
      await sleep(1500);
      // Power cuts: the connection drops, samples pile up unsent, then the chair boots again.
      let cycles = 0;
      for (const chair of fleets.flatMap((x) => x.chairs).filter((_, i) => i % 2 === 0)) {
        chair.dropConnection();
        await sleep(100);
        await chair.powerOff();
        await chair.powerUp();
        cycles++;
      }
      await sleep(1500);
      for (const x of [...fleets, far]) x.halt();
      const drained = await Promise.all([...fleets, far].flatMap((x) => x.chairs).map((c) => c.drained(60_000)));
      for (const x of [...fleets, far]) await x.stop();
      const api = await stack.probe.stop();

      const chairs = fleets.flatMap((x) => x.chairs);
      const counted = ledger(f.h.db.raw, chairs);
      // The device time is what is stored: each skewed chair's latest sample is hours off the server's.
      const lastTs = (deviceId: string) => Number(f.h.db.raw.prepare('SELECT lastTs FROM chair_state WHERE deviceId = ?').pluck().get(deviceId));
      const skewH = (id: string) => Math.round((lastTs(id) - Date.now()) / HOUR);
      const farProduced = far.chairs.reduce((n, c) => n + c.produced, 0);
      const farRejected = f.count(
        `SELECT count(*) AS n FROM rejected_message WHERE reason = 'future_timestamp' AND device_id IN (${far.chairs.map(() => '?').join(',')})`,
        ...far.chairs.map((c) => c.deviceId),
      );
      report('clocks-and-boots', {
        ...counted, wrongBoots: counted.wrongBoots.length, powerCycles: cycles, skewsH: '+7,-9', farAheadProduced: farProduced, farAheadRejected: farRejected,
        apiRequests: api.requests, apiFailed: api.failed,
      });
      expect(drained.every(Boolean)).toBe(true);
      expect(counted.boots).toBe(chairs.length + cycles);
      expect(counted.wrongBoots).toEqual([]);
      expect({ lost: counted.lost, duplicated: counted.duplicated }).toEqual({ lost: 0, duplicated: 0 });
      expect(ahead!.map((c) => skewH(c.deviceId))).toEqual([7, 7, 7, 7]);
      expect(behind!.map((c) => skewH(c.deviceId))).toEqual([-9, -9, -9, -9]);
      expect(farRejected).toBe(farProduced); // refused one by one, and still acknowledged (drained)
      expect(api.failures).toEqual([]);
    } finally {
      await stack.close();
    }
  });
});
