// The app's pages: path, title, who may open them, and their lazily loaded code.
import { html } from 'lit';
import { roles, type Role } from '../../../schemas/common.ts';
import { defineRoute, type Route } from '../router/route-table.ts';

const everyone = roles;
const staff = ['admin', 'manager', 'therapist', 'technician'] as const satisfies readonly Role[];

export const routes = [
  defineRoute({
    name: 'home',
    path: '/',
    title: 'home.title',
    roles: everyone,
    load: () => import('../pages/home/home.page.ts'),
    render: () => html`<atensi-home-page></atensi-home-page>`,
  }),
  defineRoute({
    name: 'beneficiaries',
    path: '/beneficiaries',
    title: 'list.title',
    roles: staff,
    load: () => import('../pages/beneficiaries/beneficiary-list.page.ts'),
    render: () => html`<atensi-beneficiary-list-page></atensi-beneficiary-list-page>`,
  }),
  defineRoute({
    name: 'beneficiary',
    path: '/beneficiaries/:id',
    title: 'detail.title',
    // Families open their own (linked) beneficiaries from Home; the server trims what they see.
    roles: everyone,
    section: 'beneficiaries',
    load: () => import('../pages/beneficiaries/beneficiary-detail.page.ts'),
    render: ({ id }) => html`<atensi-beneficiary-detail-page .beneficiaryId=${id}></atensi-beneficiary-detail-page>`,
  }),
  defineRoute({
    name: 'centres',
    path: '/centres',
    title: 'centres.title',
    roles: ['admin'],
    load: () => import('../pages/centres/centre-list.page.ts'),
    render: () => html`<atensi-centre-list-page></atensi-centre-list-page>`,
  }),
  defineRoute({
    name: 'users',
    path: '/users',
    title: 'users.title',
    roles: ['admin', 'manager'],
    load: () => import('../pages/users/user-list.page.ts'),
    render: () => html`<atensi-user-list-page></atensi-user-list-page>`,
  }),
] as const;

export type RouteName = (typeof routes)[number]['name'];

export const notFoundRoute: Route<'not-found'> = {
  name: 'not-found',
  path: '',
  title: 'notFound.title',
  roles: everyone,
  section: '',
  load: () => import('../pages/not-found/not-found.page.ts'),
  render: () => html`<atensi-not-found-page></atensi-not-found-page>`,
};

export const LOGIN_PATH = '/login';
