import { render } from 'preact';
import { Dashboard } from './dashboard.js';
import type { Lang } from './format.js';

/** What the console calls once this bundle has loaded (`dashboard-loader.ts`). */
export interface DashboardModule {
  mount(el: HTMLElement, props: { tenant: string; lang: Lang }): { update(props: { tenant: string; lang: Lang }): void; unmount(): void };
}

/**
 * Entry point of `/console/dashboard.js`: loaded by the console only when an admin opens the
 * dashboard, so agents never download uPlot. It renders with its own Preact into the element
 * the console gives it.
 */
const module: DashboardModule = {
  mount(el, props) {
    render(<Dashboard {...props} />, el);
    return {
      update: (next) => render(<Dashboard {...next} />, el),
      unmount: () => render(null, el),
    };
  },
};
(window as unknown as { HiloDashboard?: DashboardModule }).HiloDashboard = module;
