import { readWidgetConfig } from './config.js';
import { mountWidget, type HiloWidgetApi } from './widget.js';

declare global {
  interface Window {
    HiloWidget?: HiloWidgetApi;
  }
}

/**
 * Entry point of `widget.js`. Embed with one tag:
 * `<script src="https://host/widget.js" data-tenant="ferreteria" async></script>`
 * (optional `data-lang`, `data-title`, `data-color`, `data-server`).
 */
(function boot(): void {
  if (window.HiloWidget) return; // loaded twice: keep the first instance
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[data-tenant][src*="widget"]');
  if (!script) return;
  const config = readWidgetConfig({
    dataset: script.dataset,
    scriptSrc: script.src || null,
    pageUrl: location.href,
    htmlLang: document.documentElement.getAttribute('lang'),
    navigatorLanguages: navigator.languages?.length ? navigator.languages : [navigator.language],
  });
  if (!config) return;
  const start = (): void => {
    if (!window.HiloWidget) window.HiloWidget = mountWidget(config);
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
})();
