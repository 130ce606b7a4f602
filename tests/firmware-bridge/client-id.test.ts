// The bridge's default client id: distinct for bridges side by side on one host, the same again for
// a bridge restarted after it was killed (so it finds its persistent session), and a slot given back
// at a clean stop.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimBridgeClientId, hostPart } from '../../firmware-bridge/src/bridge/client-id.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atensi-client-id-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const running = new Set<number>();
const claim = (pid: number, hostname = 'gw.example') => {
  running.add(pid);
  return claimBridgeClientId(dir, { hostname, pid, alive: (p) => running.has(p), settleMs: 5 });
};

describe('the bridge client id when BRIDGE_CLIENT_ID is unset', () => {
  it('gives two bridges started at once on one host different ids', async () => {
    const [a, b] = await Promise.all([claim(101), claim(102)]);
    expect(new Set([a.clientId, b.clientId])).toEqual(new Set(['atensi-bridge-gw-example-1', 'atensi-bridge-gw-example-2']));
  });

  it('gives a killed bridge, started again, its own id back while the other keeps running', async () => {
    // 101 held slot 1 or 2; it is killed (its pid file stays), and a new process starts.
    const held = fs.readFileSync(path.join(dir, 'bridges', 'gw-example-1.pid'), 'utf8') === '101' ? 1 : 2;
    running.delete(101);
    const again = await claim(201);
    expect(again.clientId).toBe(`atensi-bridge-gw-example-${held}`);
    const third = await claim(202);
    expect(third.clientId).toBe('atensi-bridge-gw-example-3');
    third.release();
    expect((await claim(203)).clientId).toBe('atensi-bridge-gw-example-3');
  });

  it('keeps only letters, digits, - and _ of the host name', () => {
    expect(hostPart('node-7.atensi.local')).toBe('node-7-atensi-local');
    expect(hostPart('x'.repeat(80))).toHaveLength(40);
  });
});
