// The API's /metrics: off (404) without METRICS_TOKEN, 401 without or with a wrong token, and
// with it the HTTP latency histogram by route pattern and the webhook queue depth move with real requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../helpers/api.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { labelValues, metricValue } from '../helpers/metrics.ts';
import { EMAIL } from '../helpers/world.ts';

const TOKEN = 'api-scrape-token-0123456789abcdef';
let h: Harness;
let off: Harness;
beforeAll(async () => {
  h = await createHarness({ env: { METRICS_TOKEN: TOKEN } });
  off = await createHarness();
});
afterAll(async () => {
  await h.close();
  await off.close();
});

const scrape = async () => {
  const res = await h.anonymous().request('GET', '/metrics', undefined, { authorization: `Bearer ${TOKEN}` });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
};

describe('GET /metrics', () => {
  it('is 404 in the one error shape when METRICS_TOKEN is unset, whatever the header', async () => {
    await expectError(await off.anonymous().request('GET', '/metrics', undefined, { authorization: `Bearer ${TOKEN}` }), 404);
    await expectError(await off.anonymous().get('/metrics'), 404);
  });

  it('is 401 without the token, with a wrong one, or without the Bearer scheme', async () => {
    for (const authorization of [undefined, 'Bearer not-the-token-not-the-token', `Basic ${TOKEN}`, TOKEN, `Bearer ${TOKEN}x`]) {
      const res = await h.anonymous().request('GET', '/metrics', undefined, authorization ? { authorization } : {});
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      await expectError(res, 401);
    }
  });

  it('counts a real request under its route pattern, never the raw path or an id', async () => {
    const tech = await h.as(EMAIL.technicianA);
    const device = h.db.raw.prepare('SELECT d.id FROM "Device" d JOIN "Centre" c ON c.id = d.centreId WHERE c.code = ? LIMIT 1').get('BK-PANGUDI-LUHUR') as { id: string };
    const series = { method: 'GET', route: '/api/devices/:id', status: '200' };
    const before = metricValue(await scrape(), 'atensi_http_request_duration_seconds_count', series) ?? 0;
    expect((await tech.get(`/api/devices/${device.id}`)).status).toBe(200);
    expect((await tech.get(`/api/devices/${device.id}`)).status).toBe(200);
    const text = await scrape();
    expect(metricValue(text, 'atensi_http_request_duration_seconds_count', series)).toBe(before + 2);
    expect(metricValue(text, 'atensi_http_request_duration_seconds_bucket', { ...series, le: '+Inf' })).toBe(before + 2);
    expect(metricValue(text, 'atensi_http_request_duration_seconds_count', { method: 'GET', route: '/api/*', status: '404' })).toBeUndefined();
    await h.anonymous().get(`/api/no-such-thing/${device.id}`);
    const after = await scrape();
    expect(metricValue(after, 'atensi_http_request_duration_seconds_count', { method: 'GET', route: '/api/*', status: '404' })).toBe(1);
    expect(labelValues(after).some((v) => v.includes(device.id))).toBe(false);
  });

  it('reports the webhook outbox depth, the database and the process', async () => {
    const depth = () => scrape().then((t) => metricValue(t, 'atensi_job_queue_depth', { queue: 'webhook' }));
    const before = (await depth())!;
    const centre = await h.db.prisma.centre.findFirstOrThrow();
    const endpoint = await h.db.prisma.webhookEndpoint.upsert({
      where: { centreId: centre.id }, update: { enabled: true },
      create: { centreId: centre.id, url: 'https://gateway.example.id/hook', secret: 'x'.repeat(32), enabled: true },
    });
    await h.db.prisma.webhookDelivery.createMany({
      data: [
        { endpointId: endpoint.id, event: 'test', payload: '{}', nextAttemptAt: new Date() },
        { endpointId: endpoint.id, event: 'test', payload: '{}', nextAttemptAt: new Date() },
        // Delivered, and given up: not waiting.
        { endpointId: endpoint.id, event: 'test', payload: '{}', deliveredAt: new Date() },
        { endpointId: endpoint.id, event: 'test', payload: '{}', attempts: h.config.webhook.maxAttempts },
      ],
    });
    expect(await depth()).toBe(before + 2);
    const text = await scrape();
    expect(metricValue(text, 'atensi_db_file_bytes')).toBeGreaterThan(0);
    expect(text).toMatch(/^atensi_build_info\{version="\d+\.\d+\.\d+"\} 1$/m);
    expect(text).toContain('process_resident_memory_bytes');
  });
});
