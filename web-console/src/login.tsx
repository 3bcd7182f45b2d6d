import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConsoleController } from './controller.js';
import { t } from './strings.js';
import type { Lang } from './wire.js';
import { LangSwitch } from './lang-switch.js';

export function LoginScreen(props: { lang: Lang; error: string | null; controller: ConsoleController }) {
  const { lang, error, controller } = props;
  const [tenant, setTenant] = useState(() => new URLSearchParams(location.search).get('tenant') ?? controller.lastTenant());
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    first.current?.focus();
  }, []);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    await controller.login(tenant, username, password);
    setBusy(false);
    setPassword('');
  };

  return (
    <main class="login" aria-labelledby="login-title">
      <form class="login-card" onSubmit={submit} novalidate={false}>
        <div class="login-head">
          <h1 id="login-title">
            Hilo · {t(lang, 'appTitle')}
          </h1>
          <LangSwitch lang={lang} onChange={(l) => controller.setLang(l)} />
        </div>
        <h2>{t(lang, 'loginTitle')}</h2>
        {error ? (
          <p class="alert" role="alert" tabIndex={-1} ref={errorRef} id="login-error">
            {error}
          </p>
        ) : null}
        <label for="login-tenant">{t(lang, 'tenant')}</label>
        <input id="login-tenant" name="tenant" ref={first} required autocomplete="organization" value={tenant} onInput={(e) => setTenant(e.currentTarget.value)} />
        <label for="login-username">{t(lang, 'username')}</label>
        <input id="login-username" name="username" required autocomplete="username" autocapitalize="none" value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        <label for="login-password">{t(lang, 'password')}</label>
        <input
          id="login-password"
          name="password"
          type="password"
          required
          autocomplete="current-password"
          value={password}
          aria-describedby={error ? 'login-error' : undefined}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t(lang, 'loggingIn') : t(lang, 'logIn')}
        </button>
      </form>
    </main>
  );
}
