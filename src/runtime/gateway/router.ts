/** Method + path routing for the gateway app (`/api/tenants/:tenant/messages`). */
import type { Logger } from '../../kernel/logger.js';
import type { HiloErrorCode } from '../../kernel/errors.js';
import type { HttpRequest, HttpResponse } from './transport.js';

export interface RouteContext {
  /** Path parameters, URI-decoded. */
  params: Record<string, string>;
  /** Per-request child logger (carries the request id). */
  log: Logger;
  requestId: string;
}

export interface Route {
  method: string;
  /** Segments starting with `:` are parameters: `/api/tenants/:tenant/messages`. */
  path: string;
  handler: (req: HttpRequest, ctx: RouteContext) => Promise<HttpResponse>;
  /** Largest body this route accepts (the tenant admin API's whole tenants); default the gateway's `maxBodyBytes`. */
  maxBodyBytes?: number;
  /** The 413's code over that limit (a channel webhook's own); default `HILO_ERR_HTTP_BODY_TOO_LARGE`. */
  tooLargeCode?: HiloErrorCode;
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'not_found' }
  | { kind: 'method_not_allowed'; allow: string[] };

interface CompiledRoute {
  route: Route;
  segments: string[];
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] as string;
    const got = actual[i] as string;
    if (expected.startsWith(':')) {
      let value: string;
      try {
        value = decodeURIComponent(got);
      } catch {
        return null;
      }
      // No tenant, conversation, contact or agent id holds a control character, and PostgreSQL
      // refuses NUL in a query parameter (a 500 instead of "not found").
      if (CONTROL.test(value)) return null;
      params[expected.slice(1)] = value;
    } else if (expected !== got) {
      return null;
    }
  }
  return params;
}

export function createRouter(routes: readonly Route[]): (method: string, path: string) => RouteMatch {
  const compiled: CompiledRoute[] = routes.map((route) => ({ route, segments: split(route.path) }));
  return (method, path) => {
    const actual = split(path);
    const allow = new Set<string>();
    for (const { route, segments } of compiled) {
      const params = matchSegments(segments, actual);
      if (params === null) continue;
      const routeMethod = route.method.toUpperCase();
      if (routeMethod === method || (method === 'HEAD' && routeMethod === 'GET')) return { kind: 'found', route, params };
      allow.add(routeMethod);
    }
    return allow.size > 0 ? { kind: 'method_not_allowed', allow: [...allow] } : { kind: 'not_found' };
  };
}
