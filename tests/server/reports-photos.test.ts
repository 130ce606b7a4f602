// Report photos: the happy path (upright, at most 1600 px, re-encoded as JPEG with no EXIF or GPS),
// who may upload and see them, and hostile uploads: HTML or SVG posing as a JPEG, a decompression
// bomb's header, bodies over 5 MB (declared or streamed), path tricks in the photo URL, a fourth photo.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHOTO_LIMITS } from '../../schemas/reports.ts';
import { expectError, expectJson } from '../helpers/api.ts';
import { type Client, createHarness, type Harness, ORIGIN } from '../helpers/harness.ts';
import { EMAIL, loadWorld, type World } from '../helpers/world.ts';

let h: Harness;
let world: World;
let familyA1: Client;
let familyA2: Client;
let therapist: Client;
let tech: Client;
let admin: Client;
let therapistB: Client;

beforeAll(async () => {
  h = await createHarness();
  world = await loadWorld(h);
  [familyA1, familyA2, therapist, tech, admin, therapistB] = await Promise.all([
    h.as(EMAIL.familyA1), h.as(EMAIL.familyA2), h.as(EMAIL.therapistA), h.as(EMAIL.technicianA), h.as(EMAIL.admin), h.as(EMAIL.therapistB),
  ]);
});
afterAll(() => h.close());

type Body = Uint8Array | string | ReadableStream<Uint8Array>;
/** POSTs a raw body to a report's photos, as the browser would (same origin, the session cookie). */
function upload(c: Client, reportId: string, body: Body, type = 'image/jpeg', headers: Record<string, string> = {}) {
  const all: Record<string, string> = { origin: ORIGIN, 'sec-fetch-site': 'same-origin', 'content-type': type, ...headers };
  if (c.cookie) all.cookie = c.cookie;
  return h.app.request(`${ORIGIN}/api/reports/${reportId}/photos`, { method: 'POST', headers: all, body, duplex: 'half' } as RequestInit);
}

async function newReport(c = familyA1, beneficiaryId = world.beneficiaryOf.familyA1) {
  const r = await expectJson(await c.post('/api/reports', { beneficiaryId, category: 'seat_fit', clientRequestId: randomUUID() }), 201);
  return r.id as string;
}

/** The EXIF block carries a pointer to GPS data (tag 0x8825), in either byte order. */
const hasGps = (exif: Buffer | undefined) => !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));

/** A phone photo: 2000×1500 stored sideways (EXIF orientation 6), with GPS and a camera note. */
async function phonePhoto() {
  return sharp({ create: { width: 2000, height: 1500, channels: 3, background: '#4a7' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Copyright: 'Kamera Keluarga Uji', Orientation: '6' },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 14/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 59/1 0/1' },
    })
    .toBuffer();
}

const storedFile = (photoId: string) => path.join(h.config.dataDir, 'photos', `${photoId}.jpg`);

describe('uploading and serving a photo', () => {
  it('stores an upright JPEG of at most 1600 px with no EXIF or GPS, and serves it only to the family and the centre', async () => {
    const input = await phonePhoto();
    const inMeta = await sharp(input).metadata();
    expect(inMeta.orientation).toBe(6);
    expect(hasGps(inMeta.exif)).toBe(true); // the control: the upload does carry GPS
    const reportId = await newReport();
    const p = await expectJson(await upload(familyA1, reportId, input), 201);
    // Turned upright (portrait), then scaled into 1600 px.
    expect(p).toMatchObject({ width: 1200, height: 1600, url: `/api/reports/${reportId}/photos/${p.id}` });

    const file = fs.readFileSync(storedFile(p.id));
    const row = await h.db.prisma.reportPhoto.findUniqueOrThrow({ where: { id: p.id } });
    expect(row).toMatchObject({ reportId, uploadedById: world.user.familyA1, bytes: file.length, width: 1200, height: 1600 });
    expect(row.sha256).toBe(createHash('sha256').update(file).digest('hex'));
    const stored = await sharp(file).metadata();
    expect(stored).toMatchObject({ format: 'jpeg', width: 1200, height: 1600 });
    expect(stored.exif).toBeUndefined();
    expect(stored.orientation).toBeUndefined();
    expect(file.includes(Buffer.from('Kamera Keluarga Uji'))).toBe(false);

    const res = await familyA1.get(p.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const served = Buffer.from(await res.arrayBuffer());
    expect(served.equals(file)).toBe(true);
    expect(hasGps((await sharp(served).metadata()).exif)).toBe(false);

    for (const c of [therapist, tech, admin]) expect((await c.get(p.url)).status).toBe(200);
    await expectError(await familyA2.get(p.url), 404);
    await expectError(await therapistB.get(p.url), 404);
    await expectError(await h.anonymous().get(p.url), 401);

    const d = await expectJson(await familyA1.get(`/api/reports/${reportId}`));
    expect(d.photoCount).toBe(1);
    expect(d.photos).toEqual([p]);
    expect(await h.db.prisma.auditLog.count({ where: { action: 'report.photo.add', entityId: reportId } })).toBe(1);
    expect(await h.db.prisma.auditLog.count({ where: { action: 'report.photo.read', entityId: reportId } })).toBeGreaterThan(0);
  });

  it('takes PNG and WebP too (by content), keeps small photos small, and always stores JPEG', async () => {
    const reportId = await newReport();
    const png = await sharp({ create: { width: 640, height: 480, channels: 4, background: '#36c8' } }).png().toBuffer();
    const webp = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c63' } }).webp().toBuffer();
    const a = await expectJson(await upload(familyA1, reportId, png, 'image/png'), 201);
    // The declared type does not matter, the content does.
    const b = await expectJson(await upload(therapist, reportId, webp, 'image/jpeg'), 201);
    expect([a.width, a.height, b.width, b.height]).toEqual([640, 480, 300, 200]);
    for (const id of [a.id, b.id]) expect((await sharp(fs.readFileSync(storedFile(id))).metadata()).format).toBe('jpeg');
  });

  it('only the beneficiary\'s family and the centre\'s staff may add photos', async () => {
    const reportId = await newReport();
    const small = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#888' } }).jpeg().toBuffer();
    await expectError(await upload(familyA2, reportId, small), 404);
    await expectError(await upload(therapistB, reportId, small), 404);
    await expectError(await upload(h.anonymous(), reportId, small), 401);
    expect(await h.db.prisma.reportPhoto.count({ where: { reportId } })).toBe(0);
    await expectJson(await upload(tech, reportId, small), 201);
  });

  it('a report holds at most three photos: the fourth is a 409 and nothing is stored', async () => {
    const reportId = await newReport();
    const small = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#888' } }).jpeg().toBuffer();
    for (let i = 0; i < PHOTO_LIMITS.perReport; i++) await expectJson(await upload(familyA1, reportId, small), 201);
    const files = fs.readdirSync(path.join(h.config.dataDir, 'photos')).length;
    await expectError(await upload(familyA1, reportId, small), 409);
    expect(await h.db.prisma.reportPhoto.count({ where: { reportId } })).toBe(PHOTO_LIMITS.perReport);
    expect(fs.readdirSync(path.join(h.config.dataDir, 'photos')).length).toBe(files);
  });
});

describe('hostile uploads', () => {
  let reportId: string;
  beforeAll(async () => {
    reportId = await newReport();
  });
  const nothingStored = async () => expect(await h.db.prisma.reportPhoto.count({ where: { reportId } })).toBe(0);

  it('HTML or SVG posing as a JPEG is refused by content (415)', async () => {
    const html = '<!doctype html><html><body><script>fetch("/api/me")</script></body></html>';
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>';
    for (const [body, type] of [[html, 'image/jpeg'], [svg, 'image/jpeg'], [svg, 'image/png'], [`\xff\xd8\xff${html}`, 'image/jpeg']] as const) {
      const res = await upload(familyA1, reportId, new TextEncoder().encode(body), type);
      expect([415, 422], body.slice(0, 20)).toContain(res.status);
      await expectError(res, res.status);
    }
    // Types other than the three photos never get past the guard.
    await expectError(await upload(familyA1, reportId, new TextEncoder().encode(svg), 'image/svg+xml'), 415);
    await expectError(await upload(familyA1, reportId, new TextEncoder().encode(html), 'text/html'), 415);
    await expectError(await familyA1.post(`/api/reports/${reportId}/photos`, { image: 'base64...' }), 415);
    await nothingStored();
  });

  it('a PNG header claiming 20000×20000 pixels is refused before decoding (422)', async () => {
    const png = Buffer.from(await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } }).png().toBuffer());
    png.writeUInt32BE(20_000, 16);
    png.writeUInt32BE(20_000, 20);
    const e = await expectError(await upload(familyA1, reportId, png, 'image/png'), 422);
    expect(e.message).toMatch(/too many pixels/);
    await nothingStored();
  });

  it('a body over 5 MB is cut off with 413, whether declared or streamed without a length', async () => {
    const big = new Uint8Array(PHOTO_LIMITS.maxBytes + 1);
    big.set([0xff, 0xd8, 0xff]);
    await expectError(await upload(familyA1, reportId, big, 'image/jpeg', { 'content-length': String(big.length) }), 413);
    await expectError(await upload(familyA1, reportId, big), 413);

    // 20 MB offered in 64 KiB chunks, no content-length: the server stops pulling soon after 5 MB.
    const chunk = new Uint8Array(64 * 1024);
    chunk.set([0xff, 0xd8, 0xff]);
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 20 * 1024 * 1024) return controller.close();
        pulled += chunk.length;
        controller.enqueue(chunk.slice());
      },
    });
    const res = await upload(familyA1, reportId, stream, 'image/jpeg', { 'transfer-encoding': 'chunked' });
    await expectError(res, 413);
    expect(pulled).toBeLessThan(PHOTO_LIMITS.maxBytes + 1024 * 1024);
    await nothingStored();
  });

  it('path tricks in the photo URL never reach a file (404 or 422)', async () => {
    const own = await newReport();
    const small = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#888' } }).jpeg().toBuffer();
    const p = await expectJson(await upload(familyA1, own, small), 201);
    fs.writeFileSync(path.join(h.config.dataDir, 'secret.jpg'), 'not for you');
    const tries = [
      `/api/reports/${own}/photos/..%2Fsecret`,
      `/api/reports/${own}/photos/..%2F..%2Fatensi.db`,
      `/api/reports/${own}/photos/%2e%2e%2fsecret.jpg`,
      `/api/reports/${own}/photos/${p.id}.jpg`,
      `/api/reports/..%2F..%2F/photos/${p.id}`,
      `/api/reports/${own}/photos/..`,
    ];
    for (const url of tries) {
      const res = await familyA1.get(url);
      expect([404, 422], url).toContain(res.status);
      await expectError(res, res.status);
    }
    // A real photo id under another report of the same family is still not this report's photo.
    const sibling = await newReport();
    await expectError(await familyA1.get(`/api/reports/${sibling}/photos/${p.id}`), 404);
  });
});
