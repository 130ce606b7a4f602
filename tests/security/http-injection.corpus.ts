// Injection through the API: SQL in search and query values and in bodies, markup stored in text
// fields, CR/LF aimed at response headers, and path traversal in static and photo paths.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { expect } from 'vitest';
import { adultBeneficiaryBody, centreBody } from '../helpers/fixtures.ts';
import type { HttpCase, HttpCtx } from './hostile-http.ts';

type List = { items: { id: string; fullName?: string; serial?: string }[]; total: number };
const list = (text: string) => JSON.parse(text) as List;

/** Every table the injections aim at still holds its rows. */
async function rowsIntact(ctx: HttpCtx) {
  const db = ctx.h.db.prisma;
  const [b, d, u] = await Promise.all([db.beneficiary.count(), db.device.count(), db.user.count()]);
  expect(b).toBeGreaterThanOrEqual(ctx.world.beneficiariesA.length + ctx.world.beneficiariesB.length);
  expect(d).toBeGreaterThan(0);
  expect(u).toBeGreaterThan(10);
}

const emptyList = async (ctx: HttpCtx, res: { text: string }) => {
  expect(list(res.text)).toEqual(expect.objectContaining({ items: [], total: 0 }));
  await rowsIntact(ctx);
};

/** The web app's shell, never a file from outside web/dist. */
const shellOnly = (_ctx: HttpCtx, res: { text: string; headers: Record<string, string> }) => {
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  expect(res.text).not.toContain('"atensi-mobility"');
  expect(res.text).not.toMatch(/root:.*:0:0:/);
};

const markup = '<script>alert(document.cookie)</script><img src=x onerror=alert(1)>';
const svgName = '"><svg/onload=alert(1)> Sari';

let jpeg: Buffer | undefined;
const aJpeg = async () => (jpeg ??= await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } }).jpeg().toBuffer());

export const injectionCases: HttpCase[] = [
  // SQL injection
  { name: "search q=' OR '1'='1", category: 'sql-injection', input: { path: `/api/beneficiaries?q=${encodeURIComponent("' OR '1'='1")}` }, expect: { status: 200 }, check: emptyList },
  { name: 'search q with a stacked DROP TABLE', category: 'sql-injection', input: { path: `/api/beneficiaries?q=${encodeURIComponent('x%\'; DROP TABLE "Beneficiary"; --')}` }, expect: { status: 200 }, check: emptyList },
  {
    name: 'device search with UNION SELECT of the secret hashes', category: 'sql-injection', as: 'technicianA',
    input: { path: `/api/devices?q=${encodeURIComponent('\' UNION SELECT mqttSecretHash FROM "Device" --')}` },
    expect: { status: 200 },
    check: async (ctx, res) => {
      await emptyList(ctx, res);
      expect(res.text).not.toContain('$7$');
    },
  },
  { name: "centreId=x' OR 1=1 -- as the admin", category: 'sql-injection', as: 'admin', input: { path: `/api/beneficiaries?centreId=${encodeURIComponent("x' OR 1=1 --")}` }, expect: { status: 200 }, check: emptyList },
  { name: 'an id of 1 OR 1=1 in the path', category: 'sql-injection', input: { path: `/api/beneficiaries/${encodeURIComponent('1 OR 1=1')}` }, expect: { status: 422 } },
  { name: "sign-in email admin@… ' OR '1'='1", category: 'sql-injection', as: 'anonymous', input: { path: '/api/auth/login', body: { email: "admin@demo.atensi.id' OR '1'='1", password: "' OR '1'='1" } }, expect: { status: 422, headers: { 'set-cookie': null } } },
  {
    name: 'a name that closes the statement and drops the table', category: 'sql-injection',
    input: { path: '/api/beneficiaries', body: adultBeneficiaryBody({ fullName: 'Robert\'); DROP TABLE "Beneficiary";--' }) },
    expect: { status: 201 },
    check: async (ctx, res) => {
      const { id } = JSON.parse(res.text) as { id: string };
      const stored = await ctx.h.db.prisma.beneficiary.findUniqueOrThrow({ where: { id } });
      expect(stored.fullName).toBe('Robert\'); DROP TABLE "Beneficiary";--');
      await rowsIntact(ctx);
    },
  },

  // markup stored as data
  {
    name: 'script and onerror markup in a family report', category: 'markup', as: 'familyA1',
    input: (ctx) => ({ path: '/api/reports', body: { beneficiaryId: ctx.world.beneficiaryOf.familyA1, category: 'seat_fit', description: markup, clientRequestId: crypto.randomUUID() } }),
    expect: { status: 201, headers: { 'content-type': /^application\/json/ } },
    check: async (ctx, res) => {
      const { id } = JSON.parse(res.text) as { id: string };
      const read = await ctx.clients.therapistA.get(`/api/reports/${id}`);
      expect(read.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await read.json()).description).toBe(markup);
      // The only server-rendered HTML is the app shell and the API docs page: neither carries data.
      for (const page of [`/reports/${id}`, '/api/docs']) expect(await (await ctx.clients.therapistA.get(page)).text()).not.toContain('onerror=alert');
    },
  },
  {
    name: 'an attribute-breaking name on a beneficiary', category: 'markup',
    input: { path: '/api/beneficiaries', body: adultBeneficiaryBody({ fullName: svgName }) },
    expect: { status: 201 },
    check: async (ctx, res) => {
      const { id } = JSON.parse(res.text) as { id: string };
      expect((await (await ctx.clients.therapistA.get(`/api/beneficiaries/${id}`)).json()).fullName).toBe(svgName);
      expect(await (await ctx.clients.therapistA.get(`/beneficiaries/${id}`)).text()).not.toContain('<svg/onload');
      // The printable export is the one server-rendered page with personal data: the name is escaped.
      const exported = await ctx.clients.admin.get(`/api/beneficiaries/${id}/export?format=html`);
      expect(exported.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await exported.text();
      expect(html).not.toContain('<svg/onload');
      expect(html).toContain('&quot;&gt;&lt;svg/onload=alert(1)&gt;');
    },
  },
  {
    name: 'markup in a query value is not echoed in the error', category: 'markup',
    input: { path: `/api/beneficiaries?diagnosis=${encodeURIComponent('<script>alert(1)</script>')}` },
    expect: { status: 422 },
    check: (_ctx, res) => expect(res.text).not.toContain('<script'),
  },
  {
    name: 'a spreadsheet formula as a centre name, exported to CSV', category: 'markup', as: 'admin',
    input: async (ctx) => {
      const res = await ctx.clients.admin.post('/api/centres', centreBody({ name: '=HYPERLINK("http://evil.example","klik")' }));
      expect(res.status).toBe(201);
      return { path: `/api/indicators/csv?centreId=${(await res.json()).id}` };
    },
    expect: { status: 200, headers: { 'content-type': /^text\/csv/, 'content-disposition': /^attachment; filename="indikator-\d{4}-\d{2}-\d{2}\.csv"$/ } },
    check: (_ctx, res) => {
      expect(res.text).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
      expect(res.text).not.toMatch(/(^|,)=HYPERLINK/m);
    },
  },

  // CR/LF aimed at headers
  {
    name: 'CRLF and Set-Cookie in the CSV language parameter', category: 'crlf', as: 'managerA',
    input: { path: `/api/indicators/csv?lang=${encodeURIComponent('en\r\nSet-Cookie: pwned=1')}` },
    expect: { status: 422, headers: { 'set-cookie': null, 'content-disposition': null } },
  },
  {
    name: 'CRLF and a header in the export\'s format, aimed at Content-Disposition', category: 'crlf', as: 'admin',
    input: (ctx) => ({ path: `/api/beneficiaries/${ctx.world.beneficiaryOf.familyA1}/export?format=${encodeURIComponent('html\r\nContent-Disposition: attachment; filename="x.exe"')}` }),
    expect: { status: 422, headers: { 'content-disposition': null } },
  },
  {
    name: 'CRLF and a header in an unknown API path', category: 'crlf', via: 'http',
    input: { path: '/api/nothing%0D%0ASet-Cookie:%20pwned=1%0D%0AX-Injected:%201' },
    expect: { status: 404, headers: { 'set-cookie': null, 'x-injected': null } },
  },
  {
    name: 'CRLF in a client-sent request id', category: 'crlf', via: 'http',
    input: { path: '/api/health', headers: { 'x-request-id': 'abc%0D%0ASet-Cookie:%20pwned=1' } },
    expect: { status: 200, headers: { 'x-request-id': /^[0-9a-f-]{36}$/, 'set-cookie': null } },
  },
  {
    name: 'a bare CR inside a header value (raw socket)', category: 'crlf', via: 'socket',
    input: { raw: 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Note: a\rSet-Cookie: pwned=1\r\nConnection: close\r\n\r\n' },
    expect: { status: 400, shape: 'node', headers: { 'set-cookie': null } },
  },

  // path traversal
  { name: 'dot segments out of /assets', category: 'traversal', via: 'http', input: { path: '/assets/../../package.json' }, expect: { status: 200 }, check: shellOnly },
  { name: 'percent-encoded dot segments', category: 'traversal', via: 'http', input: { path: '/%2e%2e/%2e%2e/package.json' }, expect: { status: 200 }, check: shellOnly },
  { name: 'encoded slashes out of /assets', category: 'traversal', via: 'http', input: { path: '/assets/..%2f..%2f..%2fpackage.json' }, expect: { status: 200 }, check: shellOnly },
  { name: 'encoded backslashes out of /assets', category: 'traversal', via: 'http', input: { path: '/assets/..%5c..%5c..%5cpackage.json' }, expect: { status: 200 }, check: shellOnly },
  { name: 'absolute path to /etc/passwd', category: 'traversal', via: 'http', input: { path: '/assets/%2fetc%2fpasswd' }, expect: { status: 200 }, check: shellOnly },
  { name: 'encoded slashes out of the API docs assets', category: 'traversal', via: 'http', input: { path: '/api/docs/assets/..%2f..%2f..%2f..%2fpackage.json' }, expect: { status: 404 } },
  { name: 'a NUL byte in a static path', category: 'traversal', via: 'http', input: { path: '/assets/index.js%00.png' }, expect: { status: 200 }, check: shellOnly },
  {
    name: 'a photo id that climbs to the database file', category: 'traversal',
    input: async (ctx) => ({ path: `/api/reports/${await ctx.facts.reportOfFamilyA1()}/photos/..%2F..%2Fatensi.db` }),
    expect: { status: 422 },
  },
  {
    name: 'a photo upload naming a file outside the data directory', category: 'traversal', as: 'familyA1', via: 'http',
    input: async (ctx) => ({
      path: `/api/reports/${await ctx.facts.reportOfFamilyA1()}/photos`,
      headers: { 'content-type': 'image/jpeg', 'content-disposition': 'attachment; filename="../../../../server/src/app.ts"', 'x-file-name': '../atensi.db' },
      body: await aJpeg(),
    }),
    expect: { status: 201 },
    check: (ctx, res) => {
      const { id } = JSON.parse(res.text) as { id: string };
      const dir = path.join(ctx.h.config.dataDir, 'photos');
      expect(fs.readdirSync(dir).filter((f) => !/^[a-z0-9]{8,40}\.jpg$/.test(f))).toEqual([]);
      expect(fs.existsSync(path.join(dir, `${id}.jpg`))).toBe(true);
    },
  },
];
