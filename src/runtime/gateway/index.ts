export { GATEWAY_DEFAULTS, startGateway } from './gateway.js';
export type { Gateway, GatewayOptions } from './gateway.js';
export { createRouter } from './router.js';
export type { Route, RouteContext, RouteMatch } from './router.js';
export { createTransport } from './transport.js';
export type {
  HttpHandler,
  HttpRequest,
  HttpResponse,
  Transport,
  TransportKind,
  TransportListenOptions,
  WsConnection,
  WsHandler,
} from './transport.js';
export { createWidgetSocketHandler, toWireMessage, WS_CLOSE } from './widget-socket.js';
export type { WidgetSocketOptions } from './widget-socket.js';
