// Two webhook dispatchers in two processes on one database (as two API processes run them), one
// outbox, a real local receiver: every delivery is answered exactly once, also when one dispatcher
// is killed with attempts in flight (its rows go out again from the other once their lease ends).
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { root } from '../helpers/process.ts';

/** Per attempt; a claim lasts this plus the dispatcher's 5 s margin. */
const TIMEOUT_MS = 8_000;

interface Hit {
  id: string;
  at: number;
  res: http.ServerResponse;
  gone: boolean;
}

/** A receiver that answers 200, or holds requests unanswered while `holding`; `answered` lists what got a 200. */
async function startReceiver() {
  const hits: Hit[] = [];
  const answered: { id: string; at: number }[] = [];
  let holding = false;
  const ok = (hit: Hit) => hit.res.writeHead(200).end('ok', () => answered.push({ id: hit.id, at: Date.now() }));
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const hit: Hit = { id: String(req.headers['x-atensi-delivery']), at: Date.now(), res, gone: false };
      res.on('close', () => (hit.gone = !res.writableFinished));
      hits.push(hit);
      if (!holding) setTimeout(() => ok(hit), 20);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    hits,
    answered,
    hold: () => (holding = true),
    /** Answers what is held and still connected, and everything from now on. */
    release() {
      holding = false;
      for (const hit of hits) if (!hit.gone && !hit.res.headersSent) ok(hit);
    },
    close: () => (server.closeAllConnections(), new Promise<void>((r) => server.close(() => r()))),
  };
}

function startDispatcher(file: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/webhook-dispatcher-child.ts', file, String(TIMEOUT_MS)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('dispatcher ready') && resolve(child));
    child.on('exit', (code) => reject(new Error(`dispatcher exited with ${code}: ${out}`)));
  });
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

let h: Harness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let endpointId: string;
let children: ChildProcess[] = [];
beforeAll(async () => {
  h = await createHarness();
  receiver = await startReceiver();
  const centre = await h.db.prisma.centre.findFirstOrThrow();
  const endpoint = await h.db.prisma.webhookEndpoint.upsert({
    where: { centreId: centre.id },
    create: { centreId: centre.id, url: receiver.url, secret: 'multi-instance-secret' },
    update: { url: receiver.url, enabled: true },
  });
  endpointId = endpoint.id;
});
afterEach(() => {
  for (const c of children) c.kill('SIGKILL');
  children = [];
});
afterAll(async () => {
  await receiver.close();
  await h.close();
});

/** N due deliveries in the outbox; their ids. */
async function enqueue(n: number, tag: string): Promise<string[]> {
  const now = new Date();
  const rows = Array.from({ length: n }, (_, i) => ({ id: `${tag}-${String(i).padStart(3, '0')}`, endpointId, event: 'report_new', payload: JSON.stringify({ tag, i }), nextAttemptAt: now, createdAt: now }));
  await h.db.prisma.webhookDelivery.createMany({ data: rows });
  return rows.map((r) => r.id);
}

const delivered = (ids: string[]) => h.db.prisma.webhookDelivery.count({ where: { id: { in: ids }, deliveredAt: { not: null } } });
const countOf = (list: { id: string }[], id: string) => list.filter((x) => x.id === id).length;

describe('two dispatchers, one outbox', () => {
  it('60 deliveries: each is sent once, by one of the two, and none twice', async () => {
    children = await Promise.all([startDispatcher(h.config.databaseFile), startDispatcher(h.config.databaseFile)]);
    const ids = await enqueue(60, 'both');
    await waitFor(async () => (await delivered(ids)) === 60, 60_000, 'all 60 delivered');
    for (const id of ids) {
      expect(countOf(receiver.hits, id), id).toBe(1);
      expect(countOf(receiver.answered, id), id).toBe(1);
    }
  }, 120_000);

  it('one killed with 10 attempts in flight: the other sends those after their lease, and everything once', async () => {
    receiver.hold();
    const ids = await enqueue(40, 'killed');
    const first = await startDispatcher(h.config.databaseFile);
    children.push(first);
    await waitFor(() => receiver.hits.filter((x) => x.id.startsWith('killed')).length === 10, 30_000, "the first dispatcher's batch");
    // The second finds only the rows nobody holds a claim on.
    children.push(await startDispatcher(h.config.databaseFile));
    await waitFor(() => receiver.hits.filter((x) => x.id.startsWith('killed')).length === 20, 30_000, "the second dispatcher's batch");
    const inFlight = receiver.hits.filter((x) => x.id.startsWith('killed'));
    const lost = inFlight.slice(0, 10);
    first.kill('SIGKILL');
    await waitFor(() => lost.every((x) => x.gone), 10_000, "the killed dispatcher's connections to close");
    receiver.release();
    await waitFor(async () => (await delivered(ids)) === 40, 60_000, 'all 40 delivered');

    for (const id of ids) expect(countOf(receiver.answered, id), id).toBe(1);
    // The killed process's rows: sent once more, by the survivor, only after their claim ran out.
    for (const hit of lost) {
      expect(countOf(receiver.hits, hit.id), hit.id).toBe(2);
      const retry = receiver.answered.find((a) => a.id === hit.id)!;
      expect(retry.at - hit.at, hit.id).toBeGreaterThanOrEqual(TIMEOUT_MS);
    }
    // The survivor's own held attempts were answered where they were: not sent again.
    for (const hit of inFlight.slice(10)) expect(countOf(receiver.hits, hit.id), hit.id).toBe(1);
  }, 120_000);
});
