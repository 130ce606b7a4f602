// The bridge's subscription: ready only after a granted SUBACK, and a refused subscription (granted
// QoS 128) is tried again while connected instead of leaving the bridge deaf for ever.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { Aedes } from 'aedes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestPipeline } from '../../firmware-bridge/src/bridge/ingest-pipeline.ts';
import { startMqttBridge } from '../../firmware-bridge/src/bridge/mqtt-bridge.ts';
import { SqliteTelemetryStore } from '../../core/telemetry/sqlite-telemetry-store.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { setTimeout as sleep } from 'node:timers/promises';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('bridge subscription', () => {
  it('is ready only once the broker grants it, retrying a refused one', async () => {
    let refusals = 4; // two SUBSCRIBE packets of two filters each
    const aedes = await Aedes.createBroker({
      authorizeSubscribe(_client, sub, callback) {
        if (refusals > 0) {
          refusals--;
          return callback(null, null); // refused: SUBACK with 128
        }
        callback(null, sub);
      },
    });
    const server = net.createServer(aedes.handle);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const store = new SqliteTelemetryStore(h.db.raw);
    const errors: string[] = [];
    const bridge = startMqttBridge({
      url: `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`,
      username: 'bridge', password: 'x', clientId: 'bridge-subscribe-test', prefix: 'atensi', sharedGroup: null, protocolVersion: 4,
      pipeline: new IngestPipeline({ store, prefix: 'atensi' }), store, ackIntervalMs: 200,
      onError: (err) => errors.push(err.message),
    });
    try {
      let ready = false;
      void bridge.ready.then(() => (ready = true));
      await sleep(300);
      expect(ready).toBe(false); // connected, but refused
      expect(bridge.subscribed).toBe(false);
      await bridge.ready;
      expect(bridge.subscribed).toBe(true);
      expect(errors).toHaveLength(2); // each refusal reported, then tried again
    } finally {
      await bridge.close();
      await new Promise<void>((r) => aedes.close(() => server.close(() => r())));
    }
  });
});
