// The typed route table: matching paths segment by segment and extracting decoded params.
import type { TemplateResult } from 'lit';
import { describe, expect, it } from 'vitest';
import { canOpen, defineRoute, matchRoute } from '../../../web/src/router/route-table.ts';

const load = () => Promise.resolve();
/** Matching never renders, so a stand-in template keeps Lit itself out of this node test. */
const view = (text = '') => ({ text }) as unknown as TemplateResult;
const routes = [
  defineRoute({ name: 'home', path: '/', title: 'home.title', roles: ['admin', 'family'], load, render: () => view() }),
  defineRoute({ name: 'list', path: '/beneficiaries', title: 'beneficiaries.list.title', roles: ['admin'], load, render: () => view() }),
  defineRoute({
    name: 'detail',
    path: '/beneficiaries/:id',
    title: 'beneficiaries.detail.title',
    roles: ['admin', 'family'],
    section: 'list',
    load,
    render: ({ id }) => view(id),
  }),
];

describe('matchRoute', () => {
  it('matches static paths exactly, with or without a trailing slash', () => {
    expect(matchRoute(routes, '/')?.route.name).toBe('home');
    expect(matchRoute(routes, '/beneficiaries')?.route.name).toBe('list');
    expect(matchRoute(routes, '/beneficiaries/')?.route.name).toBe('list');
  });

  it('extracts and decodes params', () => {
    const match = matchRoute(routes, '/beneficiaries/abc%20def');
    expect(match?.route.name).toBe('detail');
    expect(match?.params).toEqual({ id: 'abc def' });
  });

  it('finds nothing for unknown, longer or malformed paths', () => {
    expect(matchRoute(routes, '/nope')).toBeUndefined();
    expect(matchRoute(routes, '/beneficiaries/a/b')).toBeUndefined();
    expect(matchRoute(routes, '/beneficiaries/%E0%A4%A')).toBeUndefined();
  });

  it('keeps a section for highlighting navigation, defaulting to the route itself', () => {
    expect(routes[1]!.section).toBe('list');
    expect(routes[2]!.section).toBe('list');
  });

  it('lets only the listed roles open a route', () => {
    expect(canOpen(routes[1]!, 'admin')).toBe(true);
    expect(canOpen(routes[1]!, 'family')).toBe(false);
  });
});
