/**
 * One tenant's integrations, wired from its settings: provider channels (WhatsApp Cloud, Twilio,
 * Telegram), Rocket.Chat, Slack and CRM destinations, and — once the console exists — the agent
 * console and the demo credentials. Start-up wires every tenant through here; the tenant admin API
 * wires a created or changed tenant through here without a restart.
 */
import type { ChannelRegistry, OutboundDestinations } from './channels/index.js';
import type { TenantSettings } from '../domain/tenant.js';
import type { AgentConsole } from './console/index.js';
import type { ApiKeyRegistry } from './api-keys.js';

export interface TenantIntegrationParts {
  channels: Pick<ChannelRegistry, 'prepareTenant'>;
  destinations: Pick<OutboundDestinations, 'prepareTenant'>;
  /** Absent at start-up (the console is built later and told its tenants then). */
  console?: Pick<AgentConsole, 'prepareTenant' | 'auth'>;
  /** The demo tenants share the demo API key and each gets the console account `demo` with `agentPassword`. */
  demo?: { tenants: readonly string[]; apiKey: string | null; apiKeys: ApiKeyRegistry; agentPassword: string | null };
  /** Where secrets named in tenant.json are read; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Reads and checks everything the tenant's settings name (a variable that is not set throws
 * `HILO_ERR_CONFIG_INVALID`, and nothing is changed); the returned function installs it all in
 * one synchronous step, replacing what the tenant had (a changed secret takes effect, the old one
 * is refused from then on). Other tenants are never touched.
 *
 * @example
 * const install = await prepareTenantIntegrations({ channels, destinations, console: consoleApp }, runtime.data.settings);
 * install();
 */
export async function prepareTenantIntegrations(parts: TenantIntegrationParts, settings: TenantSettings): Promise<() => void> {
  const env = parts.env ?? process.env;
  const installChannels = parts.channels.prepareTenant(settings, env);
  const installDestinations = parts.destinations.prepareTenant(settings, env);
  const installConsole = parts.console ? await parts.console.prepareTenant(settings.id) : null;
  const demo = parts.demo;
  if (parts.console && demo && demo.tenants.includes(settings.id) && demo.agentPassword) await parts.console.auth.ensureDemoAgent(settings.id, demo.agentPassword);
  return () => {
    installChannels();
    installDestinations();
    installConsole?.();
    if (demo?.apiKey && demo.tenants.includes(settings.id)) demo.apiKeys.add(settings.id, demo.apiKey);
  };
}
