// The photo upload's byte limit over a real HTTP connection: a chunked body with no length is
// answered with 413 once it passes 5 MB, and the server stops reading instead of buffering it all.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PHOTO_LIMITS } from '../../schemas/reports.ts';
import { expectJson } from '../helpers/api.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL, loadWorld } from '../helpers/world.ts';

let h: Harness;
let server: ServerType;
let port: number;
let family: Client;
let reportId: string;

beforeAll(async () => {
  h = await createHarness();
  const world = await loadWorld(h);
  family = await h.as(EMAIL.familyA1);
  reportId = (await expectJson(await family.post('/api/reports', { beneficiaryId: world.beneficiaryOf.familyA1, category: 'brakes', clientRequestId: randomUUID() }), 201)).id;
  port = await new Promise<number>((resolve) => {
    server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port));
  });
});
afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  });
  await h.close();
});

it('answers 413 to an endless chunked upload and stops reading it', async () => {
  const limit = 64 * 1024 * 1024; // the client would go on to 64 MB
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  chunk.set([0xff, 0xd8, 0xff]);
  let written = 0;
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port, method: 'POST', path: `/api/reports/${reportId}/photos`,
      headers: { 'content-type': 'image/jpeg', cookie: family.cookie!, origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' },
    });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', (err) => (answered ? undefined : reject(err)));
    const pump = () => {
      while (!answered && written < limit) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
  expect(status).toBe(413);
  // What the sockets' buffers hold on top of the 5 MB read, not the 64 MB offered.
  expect(written).toBeLessThan(PHOTO_LIMITS.maxBytes + 20 * 1024 * 1024);
  expect(await h.db.prisma.reportPhoto.count({ where: { reportId } })).toBe(0);
  expect(written).toBeGreaterThan(PHOTO_LIMITS.maxBytes);
});
