import { startCuttableProxy, type CuttableProxy } from '../../helpers/cuttable-proxy.js';
import { startDeployment, type DurableDeployment, type DurableEnvironment } from './durable-harness.js';

/** What `POST /api/tenants/{t}/messages` answered. */
export interface RestAnswer {
  status: number;
  body: { conversation_id?: string; duplicate?: boolean; messages?: { author: string; text: string }[]; error?: { code: string; message: string } };
}

/**
 * A deployment whose connection to one service (the URL in `variable`: `REDIS_URL` or
 * `DATABASE_URL`) goes through a TCP proxy the test cuts and restores, to take that service away
 * under a running server.
 */
export async function startBehindProxy(environment: DurableEnvironment, variable: 'REDIS_URL' | 'DATABASE_URL', url: string): Promise<{ proxy: CuttableProxy; deployment: DurableDeployment }> {
  const direct = new URL(url);
  const proxy = await startCuttableProxy({ host: direct.hostname, port: Number(direct.port || (variable === 'REDIS_URL' ? 6379 : 5432)) });
  const viaProxy = new URL(direct);
  viaProxy.port = String(proxy.port);
  return { proxy, deployment: await startDeployment(environment, { [variable]: viaProxy.toString() }) };
}

/** The REST messages API of a deployment, and the message ids its transcript recorded. */
export function restOf(deployment: () => DurableDeployment, tenant: string) {
  return {
    post: async (sender: string, text: string, messageId: string): Promise<RestAnswer> => {
      const res = await fetch(`http://127.0.0.1:${deployment().hilo.port}/api/tenants/${tenant}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${deployment().hilo.demoApiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ sender, text, message_id: messageId }),
      });
      return { status: res.status, body: (await res.json()) as RestAnswer['body'] };
    },
    inboundIds: async (conversationId: string): Promise<string[]> =>
      (await deployment().hilo.host.history(tenant, conversationId, 0)).filter((l) => l.direction === 'in').map((l) => l.messageId),
  };
}
