import { useEffect, useRef, useState } from 'preact/hooks';
import type { DashboardModule } from './dashboard/index.js';
import { t } from './strings.js';
import type { Lang } from './wire.js';

let loading: Promise<DashboardModule> | null = null;

/**
 * Loads `/console/dashboard.js` and its stylesheet once, on first use: agents, and admins who
 * stay in the inbox, never download the charts. Both are this origin's files, as the CSP wants.
 */
function loadDashboardModule(): Promise<DashboardModule> {
  const w = window as unknown as { HiloDashboard?: DashboardModule };
  if (w.HiloDashboard) return Promise.resolve(w.HiloDashboard);
  loading ??= new Promise<DashboardModule>((resolve, reject) => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = '/console/dashboard.css';
    document.head.appendChild(css);
    const script = document.createElement('script');
    script.src = '/console/dashboard.js';
    script.onload = () => (w.HiloDashboard ? resolve(w.HiloDashboard) : reject(new Error('dashboard bundle did not register')));
    script.onerror = () => {
      script.remove();
      loading = null;
      reject(new Error('dashboard bundle failed to load'));
    };
    document.head.appendChild(script);
  });
  return loading;
}

/** The admin dashboard's place in the console: loads the bundle, then hands it this element. */
export function DashboardHost(props: { tenant: string; lang: Lang }) {
  const el = useRef<HTMLDivElement>(null);
  const handle = useRef<ReturnType<DashboardModule['mount']> | null>(null);
  const [failed, setFailed] = useState(false);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    let live = true;
    loadDashboardModule().then(
      (mod) => {
        if (live && el.current) handle.current = mod.mount(el.current, latest.current);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      handle.current?.unmount();
      handle.current = null;
    };
  }, []);

  useEffect(() => {
    handle.current?.update({ tenant: props.tenant, lang: props.lang });
  }, [props.tenant, props.lang]);

  return (
    <div class="dashboard-host" id="dashboard-panel">
      {failed ? (
        <p class="notice error" role="alert">
          {t(props.lang, 'dashboardFailed')}
        </p>
      ) : null}
      <div ref={el} />
    </div>
  );
}
