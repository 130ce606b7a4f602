// Oversized input: bodies over the limit (declared, or streamed chunked without Content-Length),
// oversized photo uploads, huge query strings and headers.
import { expect } from 'vitest';
import { adultBeneficiaryBody } from '../helpers/fixtures.ts';
import type { HttpCase, HttpCtx } from './hostile-http.ts';

const MB = 1024 * 1024;
const notStored = (fullName: string) => async (ctx: HttpCtx) => expect(await ctx.h.db.prisma.beneficiary.count({ where: { fullName } })).toBe(0);

export const limitCases: HttpCase[] = [
  {
    name: 'a JSON body of 1 MB + 1 KB with its Content-Length', category: 'oversize', via: 'http',
    input: { path: '/api/beneficiaries', body: JSON.stringify(adultBeneficiaryBody({ fullName: 'Besar Sekali', diagnosisNotes: 'x'.repeat(MB + 1024) })) },
    expect: { status: 413 }, check: notStored('Besar Sekali'),
  },
  {
    name: 'Content-Length of 50 MB announced, a few bytes sent (raw socket)', category: 'oversize', via: 'socket',
    input: (ctx) => ({
      raw:
        'POST /api/beneficiaries HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n' +
        `Origin: http://127.0.0.1:${ctx.port}\r\nSec-Fetch-Site: same-origin\r\nCookie: ${ctx.clients.therapistA.cookie}\r\n` +
        `Content-Length: ${50 * MB}\r\n\r\n{"fullName":`,
    }),
    expect: { status: 413 },
  },
  {
    name: '3 MB streamed chunked, without Content-Length', category: 'oversize', via: 'http',
    input: { path: '/api/beneficiaries', chunked: { size: 16 * 1024, count: 192 } },
    expect: { status: 413 },
  },
  {
    name: '3 MB streamed chunked to sign-in, without a session', category: 'oversize', via: 'http', as: 'anonymous',
    input: { path: '/api/auth/login', chunked: { size: 64 * 1024, count: 48 } },
    expect: { status: 413 },
  },
  {
    name: 'a 12 MB photo streamed chunked, without Content-Length', category: 'oversize', via: 'http', as: 'familyA1',
    input: async (ctx) => ({ path: `/api/reports/${await ctx.facts.reportOfFamilyA1()}/photos`, headers: { 'content-type': 'image/jpeg' }, chunked: { size: 64 * 1024, count: 192, byte: 0xff } }),
    expect: { status: 413 },
    check: async (ctx) => expect(await ctx.h.db.prisma.reportPhoto.count({ where: { bytes: { gt: 5 * MB } } })).toBe(0),
  },
  {
    name: 'a 12 MB photo announced by Content-Length', category: 'oversize', via: 'http', as: 'familyA1',
    input: async (ctx) => ({ path: `/api/reports/${await ctx.facts.reportOfFamilyA1()}/photos`, headers: { 'content-type': 'image/jpeg' }, body: Buffer.alloc(12 * MB, 0xff) }),
    expect: { status: 413 },
  },
  { name: 'an 8 KB search string', category: 'oversize', input: { path: `/api/beneficiaries?q=${'a'.repeat(8 * 1024)}` }, expect: { status: 422 } },
  {
    name: '5 000 repetitions of one query parameter', category: 'oversize',
    input: { path: `/api/beneficiaries?${Array.from({ length: 5000 }, () => 'diagnosis=cp').join('&')}` },
    expect: { status: 422 },
  },
  { name: 'a 64 KB query string (over Node\'s header limit)', category: 'oversize', via: 'http', input: { path: `/api/beneficiaries?q=${'a'.repeat(64 * 1024)}` }, expect: { status: 431, shape: 'node' } },
  { name: 'a 40 KB Cookie header', category: 'oversize', via: 'http', input: { path: '/api/me', cookie: `atensi_session=${'A'.repeat(40 * 1024)}` }, expect: { status: 431, shape: 'node' } },
];
