// A typed route table: paths with :params, matched segment by segment, params typed from the path.
import type { TemplateResult } from 'lit';
import type { Role } from '../../../schemas/common.ts';
import type { MessageKey } from '../i18n/i18n.ts';

/** `{ id: string }` for '/beneficiaries/:id', `{}` for '/centres'. */
export type RouteParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & RouteParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<never, string>;

export interface RouteDefinition<N extends string, P extends string> {
  name: N;
  path: P;
  /** The document title (and usually the page's heading). */
  title: MessageKey;
  /** Roles that may open the page; everyone else gets "not found". */
  roles: readonly Role[];
  /** The navigation entry kept highlighted on this page, when it is not the page's own. */
  section?: string;
  /** Loads the page's code (a dynamic import, so each page is its own chunk). */
  load: () => Promise<unknown>;
  render: (params: RouteParams<P>) => TemplateResult;
}

export interface Route<N extends string = string> {
  name: N;
  path: string;
  title: MessageKey;
  roles: readonly Role[];
  section: string;
  load: () => Promise<unknown>;
  render: (params: Record<string, string>) => TemplateResult;
}

export interface RouteMatch<N extends string = string> {
  route: Route<N>;
  params: Record<string, string>;
}

export function defineRoute<const N extends string, const P extends string>(def: RouteDefinition<N, P>): Route<N> {
  return {
    ...def,
    section: def.section ?? def.name,
    // Matching guarantees the params the path declares, so widening here is safe.
    render: def.render as (params: Record<string, string>) => TemplateResult,
  };
}

const segmentsOf = (path: string) => path.split('/').filter(Boolean);

export function matchRoute<N extends string>(routes: readonly Route<N>[], pathname: string): RouteMatch<N> | undefined {
  const actual = segmentsOf(pathname);
  for (const route of routes) {
    const expected = segmentsOf(route.path);
    if (expected.length !== actual.length) continue;
    const params: Record<string, string> = {};
    const ok = expected.every((segment, i) => {
      const value = actual[i]!;
      if (segment.startsWith(':')) {
        try {
          params[segment.slice(1)] = decodeURIComponent(value);
        } catch {
          return false;
        }
        return true;
      }
      return segment === value;
    });
    if (ok) return { route, params };
  }
  return undefined;
}

export function canOpen(route: Route, role: Role): boolean {
  return route.roles.includes(role);
}
