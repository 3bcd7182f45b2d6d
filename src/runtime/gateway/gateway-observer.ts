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
