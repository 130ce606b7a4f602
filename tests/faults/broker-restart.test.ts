// Fault: the broker restarted during a burst, embedded (aedes, restarted inside the running process)
// and external (Mosquitto, killed and started again). The bridge and the chairs reconnect by
// themselves; chairs resend only what lies above their ack; every sample is stored exactly once and
// the API answers throughout.
import { describe, expect, it } from 'vitest';
import { startFleet } from '../../firmware-bridge/src/simulator/fleet.ts';
import type { BrokerKind } from '../helpers/telemetry-fixture.ts';
import { ledger, report, sleep, startStack } from './kit.ts';

const CHAIRS = 20;

describe.each<BrokerKind>(['aedes', 'mosquitto'])('fault: the %s broker restarted during a burst', (kind) => {
  it('stores every sample exactly once; chairs resend above the ack; the API keeps answering', async () => {
    const stack = await startStack(kind, CHAIRS, `b${kind[0]}`);
    const { f } = stack;
    try {
      // A burst: 50 samples/s per chair, 1,000 msg/s in all.
      const fleet = await startFleet({ url: f.url, chairs: stack.fleetChairs, intervalS: 0.02, physicsSpeed: 60, faultRate: 0, seed: 11 });
      const restart = async (how: string) => {
        if (kind === 'aedes') await f.svc.restartBroker();
        else await f.mosquitto!.restart(how === 'crash' ? 'SIGKILL' : 'SIGTERM', 300);
      };
      await sleep(1500);
      await restart('crash');
      await sleep(2000);
      await restart('graceful');
      await sleep(1500);
      fleet.halt();
      const drainStarted = performance.now();
      const drained = await Promise.all(fleet.chairs.map((c) => c.drained(60_000)));
      const drainMs = performance.now() - drainStarted;
      await fleet.stop();
      const api = await stack.probe.stop();
      const counted = ledger(f.h.db.raw, fleet.chairs);
      const { received, duplicates } = f.svc.pipeline.stats;
      report(`broker-restart-${kind}`, {
        restarts: 2, ...counted, wrongBoots: counted.wrongBoots.length, bridgeReceived: received, resentDuplicates: duplicates,
        drainMs: Math.round(drainMs), apiRequests: api.requests, apiFailed: api.failed, apiP99Ms: api.p99Ms,
      });
      expect(drained.every(Boolean)).toBe(true);
      expect(counted.wrongBoots).toEqual([]);
      expect({ lost: counted.lost, duplicated: counted.duplicated }).toEqual({ lost: 0, duplicated: 0 });
      expect(counted.produced).toBeGreaterThan(CHAIRS * 50 * 2); // at least 2 of the 5 s of burst
      // Resending above the ack only: what arrived twice is a small share of the stream, not all of it.
      expect(duplicates).toBeLessThan(counted.produced * 0.5);
      expect(api.failures).toEqual([]);
    } finally {
      await stack.close();
    }
  });
});
