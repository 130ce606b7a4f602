// Browser-facing defences: security headers, the CSRF and JSON-only guards, body limits, the one
// error shape (no internals leaked) and request ids on every response.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cheapAccount, expectError, expectJson, quickSession } from '../helpers/api.ts';
import { adultBeneficiaryBody } from '../helpers/fixtures.ts';
import { type Client, createHarness, type Harness } from '../helpers/harness.ts';
import { EMAIL } from '../helpers/world.ts';

let h: Harness;
let therapist: Client;
beforeAll(async () => {
  h = await createHarness();
  therapist = await quickSession(h, EMAIL.therapistA);
});
afterAll(() => h.close());

const count = () => h.db.prisma.beneficiary.count();
const localeOf = async (email: string) => (await h.db.prisma.user.findUniqueOrThrow({ where: { email } })).locale;

function cspDirectives(res: Response): Map<string, string[]> {
  const csp = res.headers.get('content-security-policy');
  expect(csp, 'Content-Security-Policy').toBeTruthy();
  return new Map(
    csp!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

describe('security headers', () => {
  const samples: [string, () => Promise<Response>][] = [
    ['a JSON answer', () => h.anonymous().get('/api/health')],
    ['a 401', () => h.anonymous().get('/api/me')],
    ['a 404', () => h.anonymous().get('/api/nothing-here')],
    ['the API docs page', () => h.anonymous().get('/api/docs')],
    ['a signed-in JSON answer', () => therapist.get('/api/beneficiaries')],
  ];

  it.each(samples)('%s carries a strict Content-Security-Policy', async (_name, send) => {
    const csp = cspDirectives(await send());
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    for (const directive of ['script-src', 'style-src', 'default-src']) {
      const values = csp.get(directive) ?? [];
      expect(values, directive).not.toContain("'unsafe-inline'");
      expect(values, directive).not.toContain("'unsafe-eval'");
      expect(values, directive).not.toContain('*');
    }
  });

  it.each(samples)('%s carries the other hardening headers', async (_name, send) => {
    const res = await send();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toMatch(/^(same-origin|no-referrer|strict-origin(-when-cross-origin)?)$/);
    expect(res.headers.get('x-frame-options')).toMatch(/^(DENY|SAMEORIGIN)$/);
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    const hsts = res.headers.get('strict-transport-security');
    expect(Number(/max-age=(\d+)/.exec(hsts ?? '')?.[1])).toBeGreaterThanOrEqual(180 * 86_400);
    expect(res.headers.get('permissions-policy')).toMatch(/geolocation=\(\)/);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('grants no cross-origin reads: no CORS headers, and preflights are not approved', async () => {
    const evil = { origin: 'https://evil.example' };
    const get = await therapist.request('GET', '/api/me', undefined, evil);
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    expect(get.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await h.app.request('http://localhost/api/beneficiaries', {
      method: 'OPTIONS',
      headers: { ...evil, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
  });
});

describe('cross-site request forgery', () => {
  const crossSite = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
  const formTypes: [string, string][] = [
    ['application/x-www-form-urlencoded', 'fullName=Evil&sex=male'],
    ['multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="fullName"\r\n\r\nEvil\r\n--xyz--\r\n'],
    ['text/plain', JSON.stringify(adultBeneficiaryBody())],
  ];

  it.each(formTypes)('a cross-site form post (%s) with the victim\'s cookie gets 403 and changes nothing', async (type, body) => {
    const before = await count();
    const err = await expectError(await therapist.request('POST', '/api/beneficiaries', body, { ...crossSite, 'content-type': type }), 403);
    expect(err.message).toBe('cross-site request refused');
    expect(await count()).toBe(before);
  });

  it('a form post with neither Origin nor Sec-Fetch-Site gets 403', async () => {
    const res = await h.app.request('http://localhost/api/beneficiaries', {
      method: 'POST',
      headers: { cookie: therapist.cookie!, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'fullName=Evil',
    });
    await expectError(res, 403);
  });

  it('a cross-site form cannot sign the victim out', async () => {
    const victim = await quickSession(h, EMAIL.technicianA);
    await expectError(await victim.request('POST', '/api/auth/logout', 'x=1', { ...crossSite, 'content-type': 'application/x-www-form-urlencoded' }), 403);
    await expectJson(await victim.get('/api/me'));
  });

  it('a cross-site form cannot sign the victim in to an attacker\'s account (login CSRF)', async () => {
    const a = await cheapAccount(h, { email: 'attacker@test.atensi.id' });
    const res = await h.anonymous().request('POST', '/api/auth/login', `email=${a.email}&password=${a.password}`, {
      ...crossSite,
      'content-type': 'application/x-www-form-urlencoded',
    });
    await expectError(res, 403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('a sibling site (Sec-Fetch-Site: same-site) is refused too', async () => {
    const res = await therapist.request('PATCH', '/api/me', 'locale=en', {
      origin: 'http://shop.localhost',
      'sec-fetch-site': 'same-site',
      'content-type': 'application/x-www-form-urlencoded',
    });
    await expectError(res, 403);
  });
});

describe('JSON only', () => {
  const body = JSON.stringify({ locale: 'en' });

  it.each([
    ['text/plain', true],
    ['text/plain', false],
    ['application/x-www-form-urlencoded', true],
    ['', true],
  ])('a same-origin PATCH with content type "%s" (content-length sent: %s) gets 415 and changes nothing', async (type, withLength) => {
    const headers: Record<string, string> = { 'content-type': type };
    if (withLength) headers['content-length'] = String(Buffer.byteLength(body));
    await expectError(await therapist.request('PATCH', '/api/me', body, headers), 415);
    expect(await localeOf(EMAIL.therapistA)).toBe('id');
  });

  it('routes without a body schema are guarded too: a form-encoded sign-out is 415 and the session lives on', async () => {
    const c = await quickSession(h, EMAIL.familyA1);
    const res = await c.request('POST', '/api/auth/logout', 'bye=1', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '5' });
    await expectError(res, 415);
    await expectJson(await c.get('/api/me'));
  });

  it('application/json with a charset is accepted', async () => {
    const res = await therapist.request('PATCH', '/api/me', JSON.stringify({ locale: 'id' }), { 'content-type': 'application/json; charset=utf-8' });
    expect((await expectJson(res)).locale).toBe('id');
  });
});

describe('request bodies', () => {
  it.each([true, false])('a body over 1 MB gets 413 in the error shape (content-length sent: %s)', async (withLength) => {
    const big = JSON.stringify(adultBeneficiaryBody({ diagnosisNotes: 'x'.repeat(1024 * 1024 + 10) }));
    const headers: Record<string, string> = withLength ? { 'content-length': String(Buffer.byteLength(big)) } : {};
    const before = await count();
    await expectError(await therapist.request('POST', '/api/beneficiaries', big, headers), 413);
    expect(await count()).toBe(before);
  });

  it('a body just under 1 MB is read and validated (422, not 413)', async () => {
    const res = await therapist.post('/api/beneficiaries', adultBeneficiaryBody({ diagnosisNotes: 'x'.repeat(1000 * 1000) }));
    const error = await expectError(res, 422);
    expect(error.issues!.map((i) => i.path)).toContainEqual(['diagnosisNotes']);
  });

  it('malformed JSON gets 400', async () => {
    await expectError(await therapist.request('POST', '/api/beneficiaries', '{"fullName": "Budi",'), 400);
    await expectError(await therapist.request('POST', '/api/beneficiaries', ''), 400);
  });

  it('an unknown top-level field gets 422 naming it, at the root path', async () => {
    const error = await expectError(await therapist.post('/api/beneficiaries', adultBeneficiaryBody({ isAdmin: true })), 422);
    const issue = error.issues!.find((i) => i.code === 'unrecognized_keys');
    expect(issue).toMatchObject({ path: [] });
    expect(issue!.message).toContain('isAdmin');
  });

  it('an unknown nested field gets 422 with the path to its object', async () => {
    const body = adultBeneficiaryBody();
    const res = await therapist.post('/api/beneficiaries', { ...body, consent: { ...body.consent, signedBy: 'x' } });
    const error = await expectError(res, 422);
    expect(error.issues).toContainEqual(expect.objectContaining({ path: ['consent'], code: 'unrecognized_keys' }));
  });

  it('each invalid field is reported at its path, without echoing the value sent', async () => {
    const res = await therapist.post('/api/beneficiaries', adultBeneficiaryBody({ sex: '<img src=x onerror=alert(1)>', birthDate: '2001-02-30' }));
    const error = await expectError(res, 422);
    const paths = error.issues!.map((i) => i.path);
    expect(paths).toContainEqual(['sex']);
    expect(paths).toContainEqual(['birthDate']);
    expect(JSON.stringify(error)).not.toContain('<img');
  });

  it('a JSON array instead of an object gets 422', async () => {
    await expectError(await therapist.post('/api/beneficiaries', [adultBeneficiaryBody()]), 422);
  });
});

describe('errors never show internals', () => {
  const leaks = /\bat\s+\S+\s+\(|node_modules|\.ts:\d+|stack|prisma|sqlite|SELECT |Consent_gone/i;

  it('no client error body carries a stack trace, file path or SQL', async () => {
    const responses = await Promise.all([
      therapist.request('POST', '/api/beneficiaries', '{"oops'),
      h.anonymous().get('/api/me'),
      therapist.post('/api/centres', { code: 'X1', name: 'x', city: 'x', province: 'x' }),
      therapist.get('/api/beneficiaries/doesnotexist1'),
      therapist.get('/api/beneficiaries/NOT..AN..ID'),
      therapist.request('PATCH', '/api/me', 'x', { 'content-type': 'text/plain', 'content-length': '1' }),
      therapist.post('/api/beneficiaries', { fullName: 1 }),
      therapist.get('/api/beneficiaries?limit=-5'),
    ]);
    expect(responses.map((r) => r.status)).toEqual([400, 401, 403, 404, 422, 415, 422, 422]);
    for (const res of responses) {
      const text = await res.text();
      expect(text).not.toMatch(leaks);
      expect(Object.keys(JSON.parse(text).error).sort()).toEqual(expect.arrayContaining(['code', 'message', 'requestId']));
    }
  });

  describe('an unexpected server fault', () => {
    let broken: Harness;
    beforeAll(async () => {
      broken = await createHarness();
    });
    afterAll(() => broken.close());

    it('answers 500 with a generic message and the request id, nothing about the cause', async () => {
      const c = await quickSession(broken, EMAIL.therapistA);
      const b = await broken.db.prisma.beneficiary.findFirstOrThrow({ where: { centre: { code: 'BK-PANGUDI-LUHUR' } } });
      broken.db.raw.exec('ALTER TABLE "Consent" RENAME TO "Consent_gone"');
      const res = await c.get(`/api/beneficiaries/${b.id}`);
      const text = await res.clone().text();
      const error = await expectError(res, 500, 'internal');
      expect(error.message).toBe('something went wrong on our side');
      expect(text).not.toMatch(leaks);
    });
  });
});

describe('request ids', () => {
  it('every response carries a fresh X-Request-Id, and error bodies repeat it', async () => {
    const responses = await Promise.all([
      h.anonymous().get('/api/health'),
      h.anonymous().get('/api/docs'),
      h.anonymous().get('/api/me'),
      therapist.get('/api/beneficiaries'),
      therapist.post('/api/beneficiaries', {}),
    ]);
    const ids = responses.map((r) => r.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(ids.length);
    await expectError(responses[2]!, 401);
    await expectError(responses[4]!, 422);
  });

  it('a client-sent request id that is not a plain token is replaced', async () => {
    for (const bad of ['a b', 'x'.repeat(300), '<script>', 'id;drop']) {
      const res = await h.anonymous().request('GET', '/api/health', undefined, { 'x-request-id': bad });
      expect(res.headers.get('x-request-id')).not.toBe(bad);
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
