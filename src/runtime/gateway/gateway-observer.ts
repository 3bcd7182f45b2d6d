import { ERROR_CODES } from '../../kernel/errors.js';
import type { RateLimiter } from '../rate-limiter.js';
import type { RouteMatch } from './router.js';
import type { HttpRequest, HttpResponse } from './transport.js';

/**
 * What the gateway tells an observer (the runtime's metrics): each HTTP answer and each request a
 * rate limiter refused. Called on the request path: cheap, synchronous, never throwing.
 */
export interface HttpObservation {
  /** The matched route's pattern (`/webhooks/whatsapp/:tenant`), never the raw path; null when none matched. */
  route: string | null;
  status: number;
  /** The `HILO_ERR_*` code of an error answer, null otherwise. */
  code: string | null;
}

/** `ip`: the per-IP budget (API calls and widget `hello`s); `contact`: per REST sender or widget visitor. */
export type RateLimitScope = 'ip' | 'contact';

export interface GatewayObserver {
  response?(observation: HttpObservation): void;
  rateLimited?(scope: RateLimitScope): void;
}

/** Tells the observer of every refusal; without one, the limiter itself. */
export function observedLimiter(limiter: RateLimiter, scope: RateLimitScope, observer: GatewayObserver | undefined): RateLimiter {
  const refused = observer?.rateLimited?.bind(observer);
  if (!refused) return limiter;
  return {
    take(key, cost) {
      const decision = limiter.take(key, cost);
      if (!decision.allowed) refused(scope);
      return decision;
    },
    get size() {
      return limiter.size;
    },
  };
}

/**
 * Tells the observer of every answer of `http`: the route pattern it matched (routed again here,
 * so the gateway's handler stays as it is) and the `HILO_ERR_*` code of an error answer, read
 * from its body (webhook routes answer errors rather than throw them). Without one, `http` itself.
 */
export function observeHttp(route: (method: string, path: string) => RouteMatch, observer: GatewayObserver | undefined, http: (req: HttpRequest) => Promise<HttpResponse>): (req: HttpRequest) => Promise<HttpResponse> {
  const told = observer?.response?.bind(observer);
  if (!told) return http;
  return async (req) => {
    const response = await http(req);
    const match = route(req.method, req.path);
    told({ route: match.kind === 'found' ? match.route.path : null, status: response.status, code: errorCodeOf(response) });
    return response;
  };
}

function errorCodeOf(response: HttpResponse): string | null {
  if (response.status < 400) return null;
  try {
    const code = (JSON.parse(response.body.toString()) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' && code in ERROR_CODES ? code : null;
  } catch {
    return null;
  }
}
