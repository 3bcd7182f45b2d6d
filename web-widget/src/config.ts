import { chooseLang, type UiLang } from './lang.js';

export interface WidgetConfig {
  tenant: string;
  lang: UiLang;
  /** Header title; the UI's default greeting when absent. */
  title: string | null;
  /** Accent colour (a CSS hex colour). */
  color: string;
  /** HTTP(S) origin of the Hilo server. */
  serverOrigin: string;
  /** WebSocket URL of the widget endpoint, tenant included. */
  wsUrl: string;
}

export interface ConfigSources {
  /** The script tag's data attributes. */
  dataset: {
    tenant?: string | undefined;
    lang?: string | undefined;
    title?: string | undefined;
    color?: string | undefined;
    server?: string | undefined;
  };
  /** The script's absolute `src`, when known. */
  scriptSrc: string | null;
  /** The host page's URL (fallback origin when the script's is unknown). */
  pageUrl: string;
  htmlLang: string | null;
  navigatorLanguages: readonly string[];
}

export const DEFAULT_COLOR = '#1d4ed8';
const TENANT_RE = /^[A-Za-z0-9_-]{1,64}$/;
// Only hex colours: the value is written into the stylesheet, so nothing else may get through.
const HEX_COLOR_RE = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** `http:` → `ws:`, `https:` → `wss:`, path `/ws?tenant=<id>`. */
export function toWebSocketUrl(origin: string, tenant: string): string {
  const url = new URL('/ws', origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('tenant', tenant);
  return url.toString();
}

/**
 * Reads the embed tag's settings. Returns null when the tag names no valid tenant (the widget then
 * stays out of the page). The server defaults to the script's own origin.
 */
export function readWidgetConfig(sources: ConfigSources): WidgetConfig | null {
  const tenant = sources.dataset.tenant?.trim() ?? '';
  if (!TENANT_RE.test(tenant)) return null;
  let serverOrigin: string;
  try {
    serverOrigin = new URL(sources.dataset.server?.trim() || sources.scriptSrc || sources.pageUrl, sources.pageUrl).origin;
  } catch {
    return null;
  }
  if (!serverOrigin.startsWith('http')) return null;
  const color = sources.dataset.color?.trim() ?? '';
  const title = sources.dataset.title?.trim() ?? '';
  return {
    tenant,
    lang: chooseLang({
      dataLang: sources.dataset.lang ?? null,
      htmlLang: sources.htmlLang,
      navigatorLanguages: sources.navigatorLanguages,
    }),
    title: title ? title.slice(0, 80) : null,
    color: HEX_COLOR_RE.test(color) ? color : DEFAULT_COLOR,
    serverOrigin,
    wsUrl: toWebSocketUrl(serverOrigin, tenant),
  };
}
