import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAlerter, SLACK_COLORS } from '../../../src/channels/slack/index.js';
import type { LeadPayload } from '../../../src/domain/lead.js';
import { isHiloError } from '../../../src/kernel/errors.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { slackReply, startFakeSlack, type FakeSlack, type SlackReply } from '../../fakes/slack.js';

type Attachment = { color: string; fallback: string; blocks: Array<{ type: string; text?: { text: string }; fields?: Array<{ text: string }>; elements?: Array<{ text: string }> }> };

const lead: LeadPayload = {
  lead_id: 'lead-77',
  contact_info: { name: 'Luis <Gómez>', phone_or_username: '+18295550111', email: 'luis@example.com' },
  business_context: { company_name: 'Ferretería L&G', interest_area: 'Ventas' },
  problem_statement: 'Quiere 50 taladros antes del viernes <!channel>',
  urgency_level: 'Alto',
  provenance: {},
};

describe('createSlackAlerter', () => {
  let slack: FakeSlack | undefined;
  afterEach(async () => {
    await slack?.close();
    slack = undefined;
  });

  const setup = async (script: SlackReply[] = [], maxDelayMs?: number) => {
    slack = await startFakeSlack({ script });
    const delays: number[] = [];
    const alerter = createSlackAlerter({
      webhookUrl: slack.webhookUrl,
      clock: createManualClock(),
      logger: createSilentLogger(),
      random: () => 0.75,
      retry: { maxAttempts: 3, ...(maxDelayMs ? { maxDelayMs } : {}) },
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    return { alerter, slack, delays };
  };

  it('should alert a hot lead with its contact, context and escaped customer text', async () => {
    const { alerter, slack } = await setup();
    await alerter.alertHotLead({ tenantId: 'tenant-s1', lead, reason: 'urgencia alta', conversationUrl: 'https://hilo.example.com/inspect/c-9' });
    expect(slack.messages).toHaveLength(1);
    const msg = slack.messages[0]!;
    expect(msg.text).toBe('🔥 Lead caliente: Luis &lt;Gómez&gt; (Ferretería L&amp;G)');
    const [att] = msg.attachments as Attachment[];
    expect(att!.color).toBe(SLACK_COLORS.hotLead);
    const fields = att!.blocks[1]!.fields!.map((f) => f.text);
    expect(fields).toEqual(['*Correo*\nluis@example.com', '*Teléfono/usuario*\n+18295550111', '*Área*\nVentas', '*Urgencia*\nAlto', '*Lead*\nlead-77', '*Tenant*\ntenant-s1']);
    expect(att!.blocks[0]!.text!.text).toContain('urgencia alta');
    expect(att!.blocks[2]!.text!.text).toBe('Quiere 50 taladros antes del viernes &lt;!channel&gt;');
    expect(att!.blocks[3]!.elements![0]!.text).toBe('<https://hilo.example.com/inspect/c-9|Ver conversación>');
  });

  it('should show every number a lead gave (lead15)', async () => {
    const { alerter, slack } = await setup();
    await alerter.alertHotLead({ tenantId: 'tenant-s1', lead: { ...lead, contact_info: { ...lead.contact_info, phones: ['+18295550111', '+18095550222'] } } });
    const [att] = slack.messages[0]!.attachments as Attachment[];
    expect(att!.blocks[1]!.fields!.map((f) => f.text)).toContain('*Teléfono/usuario*\n+18295550111 / +18095550222');
  });

  it('should alert a critical case in red with the ticket and reason', async () => {
    const { alerter, slack } = await setup();
    await alerter.alertCritical({ tenantId: 'tenant-s2', ticketNumber: 'T-000900', reason: 'critical', customer: { displayName: 'Marta', channel: 'web' }, summary: 'Amenaza con demandar por un cobro indebido.' });
    const msg = slack.messages[0]!;
    expect(msg.text).toBe('🚨 Caso crítico T-000900: Marta');
    const [att] = msg.attachments as Attachment[];
    expect(att!.color).toBe('#f5455c');
    expect(att!.blocks[0]!.text!.text).toContain('Amenaza con demandar');
    expect(att!.blocks[1]!.fields!.map((f) => f.text)).toEqual(['*Ticket*\nT-000900', '*Motivo*\ncritical', '*Canal*\nweb', '*Tenant*\ntenant-s2']);
    expect(att!.blocks).toHaveLength(2);
  });

  it('should wait for Retry-After on 429 and then deliver', async () => {
    const { alerter, slack, delays } = await setup([slackReply.rateLimited('4')]);
    await alerter.alertHotLead({ tenantId: 't', lead });
    expect(delays).toEqual([4000]);
    expect(slack.requests.map((r) => r.answer)).toEqual(['rate_limited', 'ok']);
  });

  it('should give up on a Retry-After beyond the policy with HILO_ERR_HANDOFF_NOTIFY_RATE_LIMITED', async () => {
    const { alerter, slack } = await setup([slackReply.rateLimited('120')], 10_000);
    const err = await alerter.alertHotLead({ tenantId: 't', lead }).catch((e: unknown) => e);
    expect(isHiloError(err, 'HILO_ERR_HANDOFF_NOTIFY_RATE_LIMITED')).toBe(true);
    expect((err as { details: unknown }).details).toEqual({ provider: 'slack', httpStatus: 429, error: 'rate_limited', retryAfterMs: 120_000 });
    expect(slack.requests).toHaveLength(1);
  });

  it.each([
    ['invalid_payload', slackReply.invalidPayload(), 400],
    ['no_service', slackReply.noService(), 404],
    ['channel_is_archived', slackReply.archived(), 410],
  ] as const)('should not retry %s', async (error, reply, status) => {
    const { alerter, slack } = await setup([reply]);
    const err = await alerter.alertCritical({ tenantId: 't', ticketNumber: 'T-1', reason: 'critical', customer: { displayName: 'X', channel: 'web' }, summary: 's' }).catch((e: unknown) => e);
    expect(isHiloError(err, 'HILO_ERR_HANDOFF_NOTIFY_REJECTED')).toBe(true);
    expect((err as { details: unknown }).details).toEqual({ provider: 'slack', httpStatus: status, error });
    expect(slack.requests).toHaveLength(1);
  });

  it('should retry 5xx and fail with HILO_ERR_HANDOFF_NOTIFY_FAILED when it persists', async () => {
    const { alerter, slack, delays } = await setup([slackReply.serverError(), slackReply.serverError(), slackReply.serverError()]);
    const err = await alerter.alertHotLead({ tenantId: 't', lead }).catch((e: unknown) => e);
    expect(isHiloError(err, 'HILO_ERR_HANDOFF_NOTIFY_FAILED')).toBe(true);
    expect(slack.requests).toHaveLength(3);
    expect(delays).toEqual([375, 750]);
  });

  it('should answer no_service for an unknown hook URL, as Slack does', async () => {
    slack = await startFakeSlack();
    const alerter = createSlackAlerter({ webhookUrl: `${slack.webhookUrl}x`, clock: createManualClock(), logger: createSilentLogger(), sleep: async () => {} });
    const err = await alerter.alertHotLead({ tenantId: 't', lead }).catch((e: unknown) => e);
    expect(isHiloError(err, 'HILO_ERR_HANDOFF_NOTIFY_REJECTED')).toBe(true);
    expect(slack.requests.map((r) => [r.status, r.answer])).toEqual([[404, 'no_service']]);
  });

  it('should be refused by the fake with invalid_payload for a message without content', async () => {
    const { alerter, slack } = await setup();
    const err = await alerter.post({ attachments: [] } as never).catch((e: unknown) => e);
    expect(isHiloError(err, 'HILO_ERR_HANDOFF_NOTIFY_REJECTED')).toBe(true);
    expect(slack.requests.map((r) => r.answer)).toEqual(['invalid_payload']);
  });
});
