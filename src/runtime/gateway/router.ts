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
  /** A segment's percent-escape does not decode, or a route's parameter would hold a control character. */
  | { kind: 'bad_path' }
  | { kind: 'method_not_allowed'; allow: string[] };

interface CompiledRoute {
  route: Route;
  segments: string[];
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

const BAD = Symbol('bad path');

function decodable(segment: string): boolean {
  if (!segment.includes('%')) return true;
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | null | typeof BAD {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] as string;
    const got = actual[i] as string;
    if (expected.startsWith(':')) {
      const value = decodeURIComponent(got);
      // No tenant, conversation, contact or agent id holds a control character, and PostgreSQL
      // refuses NUL in a query parameter (a 500 instead of "not found"): the path is refused.
      if (CONTROL.test(value)) return BAD;
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
    // `%ZZ`, a lone `%` or an escape that is not UTF-8 (`%C3%28`) names nothing: a 400 says what
    // is wrong where a 404 would say the route does not exist (static paths included).
    if (!actual.every(decodable)) return { kind: 'bad_path' };
    const allow = new Set<string>();
    let bad = false;
    for (const { route, segments } of compiled) {
      const params = matchSegments(segments, actual);
      if (params === BAD) bad = true;
      if (params === null || params === BAD) continue;
      const routeMethod = route.method.toUpperCase();
      if (routeMethod === method || (method === 'HEAD' && routeMethod === 'GET')) return { kind: 'found', route, params };
      allow.add(routeMethod);
    }
    if (allow.size > 0) return { kind: 'method_not_allowed', allow: [...allow] };
    return bad ? { kind: 'bad_path' } : { kind: 'not_found' };
  };
}
