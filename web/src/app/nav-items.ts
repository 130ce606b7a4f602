// The main navigation, as data: each entry points at a route, and a role sees the entries whose
// route it may open. New features add a line here.
import type { Role } from '../../../schemas/common.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import type { IconName } from '../ui/icons.ts';
import { canOpen } from '../router/route-table.ts';
import { routes, type RouteName } from './routes.ts';

export interface NavItem {
  route: RouteName;
  href: string;
  label: MessageKey;
  icon: IconName;
}

export const navItems: readonly NavItem[] = [
  { route: 'home', href: '/', label: 'nav.home', icon: 'home' },
  { route: 'worklist', href: '/worklist', label: 'requests.nav.worklist', icon: 'clipboard' },
  { route: 'requests', href: '/requests', label: 'requests.nav.requests', icon: 'wheelchair' },
  { route: 'approvals', href: '/approvals', label: 'requests.nav.approvals', icon: 'check' },
  { route: 'beneficiaries', href: '/beneficiaries', label: 'nav.beneficiaries', icon: 'people' },
  { route: 'fleet', href: '/fleet', label: 'fleet.nav', icon: 'battery' },
  { route: 'stock', href: '/stock', label: 'stock.nav', icon: 'box' },
  { route: 'workOrders', href: '/work-orders', label: 'workOrders.nav', icon: 'wrench' },
  { route: 'loans', href: '/loans', label: 'chairLife.nav', icon: 'history' },
  { route: 'reports', href: '/reports', label: 'reports.nav', icon: 'info' },
  { route: 'imports', href: '/imports', label: 'imports.nav', icon: 'upload' },
  { route: 'catalogue', href: '/catalogue', label: 'catalogue.nav', icon: 'wheelchair' },
  { route: 'centres', href: '/centres', label: 'nav.centres', icon: 'building' },
  { route: 'users', href: '/users', label: 'nav.users', icon: 'user' },
  { route: 'audit', href: '/audit', label: 'audit.nav', icon: 'history' },
];

export function navItemsFor(role: Role): NavItem[] {
  return navItems.filter((item) => {
    const route = routes.find((r) => r.name === item.route);
    return route !== undefined && canOpen(route, role);
  });
}
