import { HiloError, isHiloError } from '../kernel/errors.js';
import type { Logger } from '../kernel/logger.js';
import type { Channel, InboundEvent, WebhookRequest } from './channel.js';
import type { Deduplicator } from './dedupe.js';

export interface WebhookResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface WebhookHandlerOptions {
  channel: Channel;
  /**
   * Makes the new events durable (inbox/outbox row, queue) and resolves; only then does the
   * provider get its 200. Keep it quick: run the turn after, not inside. It may resolve with the
   * events it could not accept and why (the others were): only theirs are released for the
   * provider's redelivery, which the answer (that error's status) asks for. Throwing means none
   * was accepted.
   */
  accept: (events: InboundEvent[]) => Promise<void | NotAccepted>;
  dedupe: Deduplicator;
  log: Logger;
}

/** Some events of a request not accepted (the rest were): they are redelivered, the error is the answer. */
export interface NotAccepted {
  notAccepted: InboundEvent[];
  error: unknown;
}

const json = (status: number, body: unknown): WebhookResponse => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const errorResponse = (err: HiloError): WebhookResponse => json(err.status, err.toJSON());

function eventKey(e: InboundEvent): string {
  return e.type === 'message' ? `${e.channel}:${e.tenantId}:m:${e.messageId}` : `${e.channel}:${e.tenantId}:s:${e.providerMessageId}:${e.status}`;
}

/**
 * One webhook request, start to answer: verification handshake (GET), signature on the raw bytes,
 * parsing, de-duplication, durable acceptance. Bad input is an answer (4xx with a code), never a
 * crash, and nothing is accepted from a request that fails any step.
 *
 * @example
 * const res = await handleChannelWebhook({ channel, accept: (events) => inbox.append(events), dedupe, log }, request);
 * reply.status(res.status).headers(res.headers).send(res.body);
 */
export async function handleChannelWebhook(options: WebhookHandlerOptions, request: WebhookRequest): Promise<WebhookResponse> {
  const { channel, accept, dedupe, log } = options;
  if (request.method === 'GET') {
    if (!channel.verifyChallenge) return errorResponse(new HiloError('HILO_ERR_HTTP_METHOD_NOT_ALLOWED'));
    const challenge = channel.verifyChallenge(request.query);
    if (!challenge.ok) return errorResponse(new HiloError(challenge.code));
    return { status: 200, headers: { 'content-type': 'text/plain' }, body: challenge.body };
  }
  if (request.method !== 'POST') return errorResponse(new HiloError('HILO_ERR_HTTP_METHOD_NOT_ALLOWED'));

  const verified = channel.verifyRequest(request);
  if (!verified.ok) {
    log.warn({ channel: channel.name, tenant: channel.tenantId, code: verified.code }, 'channel webhook rejected');
    return errorResponse(new HiloError(verified.code));
  }

  let events: InboundEvent[];
  try {
    events = channel.parseInbound(request.rawBody, request.headers);
  } catch (err) {
    if (isHiloError(err)) {
      log.warn({ channel: channel.name, tenant: channel.tenantId, code: err.code }, 'channel webhook body refused');
      return errorResponse(err as HiloError);
    }
    // A parser bug, not bad input: answer 500 so the provider retries and the fuzz tests notice.
    log.error({ channel: channel.name, tenant: channel.tenantId, err }, 'channel webhook parser failed');
    return errorResponse(new HiloError('HILO_ERR_INTERNAL'));
  }

  const fresh: InboundEvent[] = [];
  const claimed: string[] = [];
  for (const event of events) {
    const key = eventKey(event);
    if (await dedupe.claim(key)) {
      fresh.push(event);
      claimed.push(key);
    }
  }
  if (fresh.length > 0) {
    let partial: void | NotAccepted;
    try {
      partial = await accept(fresh);
    } catch (err) {
      // Not accepted: forget the claims so the provider's redelivery is processed.
      await Promise.all(claimed.map((k) => dedupe.release(k)));
      log.error({ channel: channel.name, tenant: channel.tenantId, err }, 'channel events not accepted');
      return errorResponse(isHiloError(err) ? (err as HiloError) : new HiloError('HILO_ERR_INTERNAL'));
    }
    if (partial && partial.notAccepted.length > 0) {
      // The accepted ones keep their claims: the redelivery runs only what failed.
      await Promise.all(partial.notAccepted.map((e) => dedupe.release(eventKey(e))));
      log.error({ channel: channel.name, tenant: channel.tenantId, err: partial.error, notAccepted: partial.notAccepted.length, events: fresh.length }, 'channel events not accepted');
      return errorResponse(isHiloError(partial.error) ? (partial.error as HiloError) : new HiloError('HILO_ERR_INTERNAL'));
    }
  }
  log.debug({ channel: channel.name, tenant: channel.tenantId, events: events.length, fresh: fresh.length }, 'channel webhook accepted');
  return { status: 200, headers: { 'content-type': channel.ackResponse.contentType }, body: channel.ackResponse.body };
}
