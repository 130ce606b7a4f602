// The app's pages: path, title, who may open them, and their lazily loaded code.
import { html } from 'lit';
import { clinicalRoles, clinicalWriterRoles, managementRoles, roles, staffRoles, workshopRoles } from '../../../schemas/common.ts';
import { defineRoute, type Route } from '../router/route-table.ts';

const everyone = roles;

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
    title: 'beneficiaries.list.title',
    roles: staffRoles,
    load: () => import('../pages/beneficiaries/beneficiary-list.page.ts'),
    render: () => html`<atensi-beneficiary-list-page></atensi-beneficiary-list-page>`,
  }),
  // Before /beneficiaries/:id, which would otherwise match "new".
  defineRoute({
    name: 'beneficiary-new',
    path: '/beneficiaries/new',
    title: 'beneficiaries.new.title',
    roles: clinicalWriterRoles,
    section: 'beneficiaries',
    load: () => import('../pages/beneficiaries/beneficiary-new.page.ts'),
    render: () => html`<atensi-beneficiary-new-page></atensi-beneficiary-new-page>`,
  }),
  defineRoute({
    name: 'beneficiary',
    path: '/beneficiaries/:id',
    title: 'beneficiaries.detail.title',
    // Families open their own (linked) beneficiaries from Home; the server trims what they see.
    roles: everyone,
    section: 'beneficiaries',
    load: () => import('../pages/beneficiaries/beneficiary-detail.page.ts'),
    render: ({ id }) => html`<atensi-beneficiary-detail-page .beneficiaryId=${id}></atensi-beneficiary-detail-page>`,
  }),
  defineRoute({
    name: 'worklist',
    path: '/worklist',
    title: 'worklist.title',
    roles: clinicalRoles,
    load: () => import('../pages/worklist/worklist.page.ts'),
    render: () => html`<atensi-worklist-page></atensi-worklist-page>`,
  }),
  defineRoute({
    name: 'requests',
    path: '/requests',
    title: 'requests.title',
    roles: everyone,
    load: () => import('../pages/requests/request-list.page.ts'),
    render: () => html`<atensi-request-list-page></atensi-request-list-page>`,
  }),
  // Before /requests/:id, which would otherwise match "new".
  defineRoute({
    name: 'request-new',
    path: '/requests/new',
    title: 'requests.newTitle',
    roles: clinicalWriterRoles,
    section: 'requests',
    load: () => import('../pages/requests/request-new.page.ts'),
    render: () => html`<atensi-request-new-page></atensi-request-new-page>`,
  }),
  defineRoute({
    name: 'request',
    path: '/requests/:id',
    title: 'requests.title',
    // Families and technicians see a request's state and appointments; the server trims the rest.
    roles: everyone,
    section: 'requests',
    load: () => import('../pages/requests/request-detail.page.ts'),
    render: ({ id }) => html`<atensi-request-detail-page .requestId=${id}></atensi-request-detail-page>`,
  }),
  defineRoute({
    name: 'request-print',
    path: '/requests/:id/print',
    title: 'requests.printHeading',
    roles: clinicalRoles,
    section: 'requests',
    load: () => import('../pages/requests/request-print.page.ts'),
    render: ({ id }) => html`<atensi-request-print-page .requestId=${id}></atensi-request-print-page>`,
  }),
  defineRoute({
    name: 'approvals',
    path: '/approvals',
    title: 'approvals.title',
    roles: managementRoles,
    load: () => import('../pages/approvals/approvals.page.ts'),
    render: () => html`<atensi-approvals-page></atensi-approvals-page>`,
  }),
  defineRoute({
    name: 'fleet',
    path: '/fleet',
    title: 'fleet.title',
    roles: staffRoles,
    load: () => import('../pages/fleet/fleet-list.page.ts'),
    render: () => html`<atensi-fleet-page></atensi-fleet-page>`,
  }),
  defineRoute({
    name: 'chair',
    path: '/fleet/:id',
    title: 'fleet.chairTitle',
    // Therapists lend and take back chairs here; the page hides the workshop's own tools from them.
    roles: staffRoles,
    section: 'fleet',
    load: () => import('../pages/fleet/chair.page.ts'),
    render: ({ id }) => html`<atensi-chair-page .deviceId=${id}></atensi-chair-page>`,
  }),
  defineRoute({
    name: 'stock',
    path: '/stock',
    title: 'stock.title',
    roles: workshopRoles,
    load: () => import('../pages/stock/stock.page.ts'),
    render: () => html`<atensi-stock-page></atensi-stock-page>`,
  }),
  defineRoute({
    name: 'loans',
    path: '/loans',
    title: 'chairLife.loans.title',
    roles: staffRoles,
    load: () => import('../pages/chair-life/loans.page.ts'),
    render: () => html`<atensi-loans-page></atensi-loans-page>`,
  }),
  defineRoute({
    name: 'workOrders',
    path: '/work-orders',
    title: 'workOrders.title',
    roles: workshopRoles,
    load: () => import('../pages/work-orders/work-order-queue.page.ts'),
    render: () => html`<atensi-work-order-queue-page></atensi-work-order-queue-page>`,
  }),
  defineRoute({
    name: 'workOrder',
    path: '/work-orders/:id',
    title: 'workOrders.detailTitle',
    roles: workshopRoles,
    section: 'workOrders',
    load: () => import('../pages/work-orders/work-order.page.ts'),
    render: ({ id }) => html`<atensi-work-order-page .workOrderId=${id}></atensi-work-order-page>`,
  }),
  defineRoute({
    name: 'reports',
    path: '/reports',
    title: 'reports.title',
    roles: staffRoles,
    load: () => import('../pages/reports/report-list.page.ts'),
    render: () => html`<atensi-report-list-page></atensi-report-list-page>`,
  }),
  // Before /reports/:id, which would otherwise match "new". Families report; the flow is theirs.
  defineRoute({
    name: 'reportNew',
    path: '/reports/new',
    title: 'family.reportNew.title',
    roles: ['family'],
    section: 'home',
    load: () => import('../pages/family/report-new.page.ts'),
    render: () => html`<atensi-report-new-page></atensi-report-new-page>`,
  }),
  defineRoute({
    name: 'report',
    path: '/reports/:id',
    title: 'reports.detailTitle',
    // One address for everyone (notification links point here): the page shows families their own
    // view (web/src/pages/family) and staff the triage view (web/src/pages/reports).
    roles: everyone,
    section: 'reports',
    load: () => import('../pages/reports/report.page.ts'),
    render: ({ id }) => html`<atensi-report-page .reportId=${id}></atensi-report-page>`,
  }),
  defineRoute({
    name: 'notifications',
    path: '/notifications',
    title: 'notifications.title',
    roles: everyone,
    load: () => import('../pages/notifications/notifications.page.ts'),
    render: () => html`<atensi-notifications-page></atensi-notifications-page>`,
  }),
  defineRoute({
    name: 'chairLabel',
    path: '/fleet/:id/label',
    title: 'labels.title',
    roles: workshopRoles,
    section: 'fleet',
    load: () => import('../pages/labels/chair-label.page.ts'),
    render: ({ id }) => html`<atensi-chair-label-page .deviceId=${id}></atensi-chair-label-page>`,
  }),
  defineRoute({
    name: 'chairLink',
    path: '/c/:id',
    title: 'labels.opening',
    // The address a chair's QR label encodes: staff go to the chair, families to the report flow.
    roles: everyone,
    load: () => import('../pages/labels/chair-link.page.ts'),
    render: ({ id }) => html`<atensi-chair-link-page .deviceId=${id}></atensi-chair-link-page>`,
  }),
  defineRoute({
    name: 'centreWebhook',
    path: '/centres/:id/webhook',
    title: 'centres.webhook.title',
    roles: managementRoles,
    section: 'centres',
    load: () => import('../pages/centres/centre-webhook.page.ts'),
    render: ({ id }) => html`<atensi-centre-webhook-page .centreId=${id}></atensi-centre-webhook-page>`,
  }),
  defineRoute({
    name: 'imports',
    path: '/imports',
    title: 'imports.title',
    // Each kind for the roles its API route allows (schemas/imports.ts importRoles): the page offers only those.
    roles: staffRoles,
    load: () => import('../pages/imports/imports.page.ts'),
    render: () => html`<atensi-imports-page></atensi-imports-page>`,
  }),
  defineRoute({
    name: 'catalogue',
    path: '/catalogue',
    title: 'catalogue.title',
    // Staff read the catalogue; only admins see its forms (the server enforces both).
    roles: staffRoles,
    load: () => import('../pages/catalogue/catalogue.page.ts'),
    render: () => html`<atensi-catalogue-page></atensi-catalogue-page>`,
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
    roles: managementRoles,
    load: () => import('../pages/users/user-list.page.ts'),
    render: () => html`<atensi-user-list-page></atensi-user-list-page>`,
  }),
  defineRoute({
    name: 'account',
    path: '/account',
    title: 'account.title',
    roles: everyone,
    load: () => import('../pages/account/account.page.ts'),
    render: () => html`<atensi-account-page></atensi-account-page>`,
  }),
  defineRoute({
    name: 'audit',
    path: '/audit',
    title: 'audit.title',
    // Managers see their own centre's entries only (the server scopes them).
    roles: managementRoles,
    load: () => import('../pages/audit/audit-log.page.ts'),
    render: () => html`<atensi-audit-log-page></atensi-audit-log-page>`,
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
