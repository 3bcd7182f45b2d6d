export { GATEWAY_DEFAULTS, startGateway } from './gateway.js';
export { acceptsGzip, etagMatches } from './http-caching.js';
export { bearerKey } from './bearer.js';
export { parseJsonBody } from './json-body.js';
export { capProblems } from './validate.js';
export { createResumeTokens, isStrongVisitorId } from './resume-token.js';
export type { ResumeTokens } from './resume-token.js';
export type { Gateway, GatewayOptions } from './gateway.js';
export { createRouter } from './router.js';
export type { Route, RouteContext, RouteMatch } from './router.js';
export { WS_CLOSE_TOO_BIG, wsHardLimitBytes } from './transport.js';
export { createTransport } from './select-transport.js';
export type {
  HttpHandler,
  HttpRequest,
  HttpResponse,
  Transport,
  TransportKind,
  TransportListenOptions,
  WsConnection,
  WsHandler,
  WsRoute,
  WsUpgradeDecision,
  WsUpgradeRequest,
} from './transport.js';
export { createWidgetSocketHandler, toWireMessage, WS_CLOSE } from './widget-socket.js';
export type { WidgetSocketOptions } from './widget-socket.js';
