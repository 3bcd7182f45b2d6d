import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDurableEnvironment, startDeployment, type DurableDeployment, type DurableEnvironment } from '../integration/durable/durable-harness.js';
import { startFakeRocketChat, type FakeRocketChat } from '../fakes/rocketchat.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TENANT = 'ferreteria';
/** A Santo Domingo wall time (UTC-4 all year) as an instant. */
const sd = (isoLocal: string) => Date.parse(`${isoLocal}-04:00`);

interface Turn {
  conversation_id: string;
  messages: { text: string }[];
  state: { value: string; context: { ticket: { number: string } } };
}

/**
 * The console's service rules through real turns (REST channel, durable deployment on PGlite,
 * manual clock): the tenant's own SLA (`console.slaSeconds` 120 in a copy of the demo tenant)
 * and its team hours (`store.json` `teamHours`: Monday–Saturday 8:00–18:00, Sunday 8:00–12:30,
 * America/Santo_Domingo). Re-announces are seen at the fake Rocket.Chat and Slack.
 */
describe('console service rules: tenant SLA and team hours, end to end', () => {
  let environment: DurableEnvironment;
  let deployment: DurableDeployment;
  let rocket: FakeRocketChat;
  let slack: FakeSlack;
  let tenantsDir: string;
  const base = () => `http://127.0.0.1:${deployment.hilo.port}`;

  async function say(text: string): Promise<Turn> {
    const res = await fetch(`${base()}/api/tenants/${TENANT}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${deployment.hilo.demoApiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sender: `hours-${randomBytes(4).toString('hex')}`, text }),
    });
    expect(res.status).toBe(200);
    const turn = (await res.json()) as Turn;
    await deployment.hilo.drainOutbox();
    return turn;
  }

  const noticesOf = (number: string) => rocket.messages.filter((m) => String(m.text).includes(`#${number}*`)).length;
  const slackOf = (number: string) => slack.messages.filter((m) => JSON.stringify(m).includes(number)).map((m) => JSON.stringify(m));
  async function tick(): Promise<void> {
    await deployment.hilo.agentConsole.slaTick();
    await deployment.hilo.drainOutbox();
  }
  async function inboxItem(conversationId: string): Promise<Record<string, unknown> | undefined> {
    // The tenant's API key (an admin on the console API): the clock moves past any session's life.
    const res = await fetch(`${base()}/console/api/tenants/${TENANT}/inbox?view=waiting&q=${conversationId}`, { headers: { authorization: `Bearer ${deployment.hilo.demoApiKey}` } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Record<string, unknown>[] }).items[0];
  }

  beforeAll(async () => {
    // The demo tenant with its own SLA: 120 s instead of the default 300 s.
    tenantsDir = await mkdtemp(join(tmpdir(), 'hilo-hours-'));
    await cp(join(ROOT, 'tenants', TENANT), join(tenantsDir, TENANT), { recursive: true });
    const settingsFile = join(tenantsDir, TENANT, 'tenant.json');
    const settings = JSON.parse(await readFile(settingsFile, 'utf8')) as Record<string, unknown>;
    await writeFile(settingsFile, JSON.stringify({ ...settings, console: { slaSeconds: 120 } }));
    rocket = await startFakeRocketChat();
    slack = await startFakeSlack();
    environment = await createDurableEnvironment('pglite+memory');
    deployment = await startDeployment(environment, {
      HILO_TEAM_HOURS: 'on',
      HILO_TENANTS_DIR: tenantsDir,
      HILO_ROCKETCHAT_WEBHOOK_URL: rocket.webhookUrl,
      HILO_SLACK_WEBHOOK_URL: slack.webhookUrl,
    });
  }, 120_000);

  afterAll(async () => {
    await deployment?.close();
    await environment?.destroy();
    await rocket?.close();
    await slack?.close();
    if (tenantsDir) await rm(tenantsDir, { recursive: true, force: true });
  });

  it("should re-announce an unanswered handoff after the tenant's 120 s, not the default 300 s, with a Slack alert", async () => {
    deployment.clock.set(sd('2026-12-03T10:00')); // a Thursday morning: the team is in
    const turn = await say('quiero hablar con una persona');
    const number = turn.state.context.ticket.number;
    expect(turn.messages.map((m) => m.text).join('\n')).not.toContain('no está disponible');
    expect(noticesOf(number)).toBe(1);
    deployment.clock.advance(119_000);
    await tick();
    expect(noticesOf(number)).toBe(1);
    expect(slackOf(number)).toEqual([]);
    deployment.clock.advance(2_000);
    await tick();
    expect(noticesOf(number)).toBe(2);
    expect(slackOf(number)).toHaveLength(1);
    expect(slackOf(number)[0]).toContain('sin respuesta de un agente en 2 min');
    // The inbox turns yellow on the same SLA.
    expect(await inboxItem(turn.conversation_id)).toMatchObject({ priority: 'waiting' });
  });

  it('should tell a Saturday-night customer when a person answers, keep the ticket waiting, and start the SLA at opening time', async () => {
    deployment.clock.set(sd('2026-12-05T19:00')); // Saturday 19:00: closed until Sunday 8:00
    const turn = await say('quiero hablar con una persona');
    const number = turn.state.context.ticket.number;
    expect(turn.state.value).toMatch(/^handoff/);
    const texts = turn.messages.map((m) => m.text);
    expect(texts.some((t) => t.includes(`*${number}*`))).toBe(true);
    expect(texts[texts.length - 1]).toBe(
      '🕗 Ahora mismo nuestro equipo no está disponible: atendemos de lunes a sábado 8:00–18:00; los domingos 8:00–12:30. Te responderá una persona mañana a partir de las 8:00; tu caso queda en espera hasta entonces.',
    );
    const item = await inboxItem(turn.conversation_id);
    expect(item).toMatchObject({ ticketNumber: number, priority: 'new', opensAt: '2026-12-06T12:00:00.000Z' });

    // The whole night passes: nobody is re-announced or alerted while the team is away.
    for (const at of ['2026-12-05T19:05', '2026-12-05T23:59', '2026-12-06T07:59']) {
      deployment.clock.set(sd(at));
      await tick();
    }
    expect(noticesOf(number)).toBe(1);
    expect(slackOf(number)).toEqual([]);
    // The SLA starts at 8:00: at 8:01 it is within it, at 8:02:01 it is missed.
    deployment.clock.set(sd('2026-12-06T08:01'));
    await tick();
    expect(noticesOf(number)).toBe(1);
    const open = await inboxItem(turn.conversation_id);
    expect(open).toMatchObject({ priority: 'new' });
    expect(open).not.toHaveProperty('opensAt');
    deployment.clock.set(sd('2026-12-06T08:02:01'));
    await tick();
    expect(noticesOf(number)).toBe(2);
    expect(slackOf(number)).toHaveLength(1);
  });

  it('should say it in English to an English-speaking customer, naming the next open day', async () => {
    deployment.clock.set(sd('2026-12-13T13:00')); // Sunday 13:00: closed until Monday 8:00
    const turn = await say('I want to talk to a person please');
    expect(turn.state.value).toMatch(/^handoff/);
    const texts = turn.messages.map((m) => m.text);
    expect(texts[texts.length - 1]).toBe(
      '🕗 Our team is not available right now: we answer Monday to Saturday 8:00–18:00; Sundays 8:00–12:30. A person will reply tomorrow from 8:00; your case waits until then.',
    );
    deployment.clock.set(sd('2026-12-24T18:30')); // Christmas Eve after closing; Christmas is a closed date
    const eve = await say('quiero hablar con un agente');
    expect(eve.messages[eve.messages.length - 1]!.text).toContain('Te responderá una persona el sábado a partir de las 8:00');
  });
});
