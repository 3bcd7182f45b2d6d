import { useEffect, useRef } from 'preact/hooks';
import type { ConsoleController } from './controller.js';
import type { ConsoleContext } from './store.js';
import { t } from './strings.js';

/**
 * The header's "Avisos" menu: the chime on or off, desktop notifications (asking the browser's
 * permission on the agent's click), a sound test, and why desktop notifications cannot show when
 * the browser refuses them.
 */
export function AlertsMenu(props: { state: ConsoleContext; controller: ConsoleController }) {
  const { state, controller } = props;
  const { lang, alerts, notifyPermission } = state;
  const desktopOn = alerts.desktop && notifyPermission === 'granted';
  const menu = useRef<HTMLDetailsElement>(null);
  // A menu closes as menus do: a click elsewhere or Escape (which returns focus to its button).
  useEffect(() => {
    const onPointer = (e: PointerEvent) => {
      if (menu.current?.open && !menu.current.contains(e.target as Node)) menu.current.open = false;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !menu.current?.open) return;
      menu.current.open = false;
      menu.current.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, []);
  return (
    <details class="alerts-menu" data-alerts-menu ref={menu}>
      <summary data-alerts-sound={alerts.sound ? 'on' : 'off'} data-alerts-desktop={desktopOn ? 'on' : 'off'}>
        <span aria-hidden="true">{alerts.sound || desktopOn ? '🔔' : '🔕'}</span> {t(lang, 'alerts')}
      </summary>
      <div class="alerts-panel">
        <label class="check">
          <input type="checkbox" data-alerts="sound" checked={alerts.sound} onChange={(e) => void controller.setAlerts({ sound: e.currentTarget.checked })} /> {t(lang, 'alertsSound')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            data-alerts="desktop"
            checked={desktopOn}
            disabled={notifyPermission === 'unsupported' || notifyPermission === 'denied'}
            onChange={(e) => void controller.setAlerts({ desktop: e.currentTarget.checked })}
          />{' '}
          {t(lang, 'alertsDesktop')}
        </label>
        {notifyPermission === 'denied' || notifyPermission === 'unsupported' ? (
          <p class="alerts-hint" data-alerts-hint={notifyPermission}>
            {t(lang, notifyPermission === 'denied' ? 'alertsDenied' : 'alertsUnsupported')}
          </p>
        ) : null}
        <button type="button" data-alerts="test" onClick={() => controller.testSound()}>
          {t(lang, 'alertsTest')}
        </button>
      </div>
    </details>
  );
}
