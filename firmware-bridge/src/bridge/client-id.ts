// The bridge's MQTT client id when BRIDGE_CLIENT_ID is unset: `atensi-bridge-<host>-<n>`, where n is
// the lowest instance slot on this host that no running bridge holds (a pid file in
// DATA_DIR/bridges/). Distinct for bridges running side by side, and stable across restarts: a bridge
// killed and started again takes its slot back, and with it its persistent session and the QoS 1
// messages the broker queued for it while it was away (a shared subscription keeps dealing messages
// to an absent member's session).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const MAX_SLOTS = 99;

export interface ClaimedClientId {
  clientId: string;
  /** Gives the slot back (at a clean stop); a killed bridge's slot is taken back by the next start. */
  release(): void;
}

export interface ClaimOptions {
  hostname?: string;
  pid?: number;
  /** Whether a process with this pid runs (default: signal 0). */
  alive?(pid: number): boolean;
  /** How long a new claim waits before checking it still holds (two bridges starting at once). */
  settleMs?: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The host part of the id: letters, digits, - and _ only, at most 40 characters. */
export function hostPart(hostname: string): string {
  return hostname.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 40) || 'host';
}

export async function claimBridgeClientId(dataDir: string, o: ClaimOptions = {}): Promise<ClaimedClientId> {
  const host = hostPart(o.hostname ?? os.hostname());
  const pid = o.pid ?? process.pid;
  const alive = o.alive ?? isAlive;
  const dir = path.join(dataDir, 'bridges');
  fs.mkdirSync(dir, { recursive: true });
  for (let n = 1; n <= MAX_SLOTS; n++) {
    const file = path.join(dir, `${host}-${n}.pid`);
    if (!take(file, pid, alive)) continue;
    await sleep(o.settleMs ?? 50);
    if (readPid(file) !== pid) continue; // another bridge starting at the same moment won this slot
    return {
      clientId: `atensi-bridge-${host}-${n}`,
      release() {
        if (readPid(file) === pid) fs.rmSync(file, { force: true });
      },
    };
  }
  throw new Error(`no free bridge slot in ${dir} (${MAX_SLOTS} bridges running?); set BRIDGE_CLIENT_ID`);
}

function readPid(file: string): number | null {
  try {
    return Number(fs.readFileSync(file, 'utf8').trim()) || null;
  } catch {
    return null;
  }
}

/** Creates the slot file, or takes it over from a bridge that no longer runs. */
function take(file: string, pid: number, alive: (pid: number) => boolean): boolean {
  try {
    fs.writeFileSync(file, String(pid), { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const holder = readPid(file);
  if (holder !== null && holder !== pid && alive(holder)) return false;
  // A stale slot: only one of several bridges starting at once manages to move it aside.
  try {
    fs.renameSync(file, `${file}.${pid}.stale`);
  } catch {
    return false;
  }
  fs.rmSync(`${file}.${pid}.stale`, { force: true });
  try {
    fs.writeFileSync(file, String(pid), { flag: 'wx' });
    return true;
  } catch {
    return false;
  }
}
