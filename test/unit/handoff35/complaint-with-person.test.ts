import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { summarizeConversation } from '../../../src/actors/conversation-summary.js';
import { aboutAnOrder, complaintToldWith } from '../../../src/actors/handoff-complaint.js';
import { callsOffHandoff } from '../../../src/machines/handoff-cancel.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { ConversationContext } from '../../../src/machines/index.js';
import { createMemoryHost, loadDemo, replyText, sayTo } from '../../helpers/memory-host.js';

const ctx = (turn: Awaited<ReturnType<typeof sayTo>>): ConversationContext => turn.state.context as unknown as ConversationContext;

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

describe('a person asked for together with what went wrong is filed as a complaint', () => {
  it.each([
    ['es', ['hola, tienen cemento gris?', 'quiero hablar con una persona, el pedido de ayer llegó incompleto'], /Lamento mucho lo que pasó/],
    ['en', ["can I talk to a person? yesterday's order came with two bags missing"], /really sorry about what happened/],
    ['es', ['pasame con alguien, me cobraron dos veces la misma factura'], /Lamento mucho lo que pasó/],
  ] as const)('should say sorry with the case number and open a complaint ticket (%s)', async (_lang, texts, sorry) => {
    const { host, tickets } = createMemoryHost({ tenant, brain });
    let last: Awaited<ReturnType<typeof sayTo>> | undefined;
    for (const text of texts) last = await sayTo(host, 'h35-sorry', text);
    expect(replyText(last!)).toMatch(sorry);
    expect(replyText(last!)).toMatch(/T-0/);
    expect(last!.state.context.ticket).toMatchObject({ kind: 'handoff', reason: 'complaint', askedPerson: true });
    const [open] = await tickets.list('ferreteria');
    expect(open).toMatchObject({ kind: 'handoff', reason: 'complaint' });
    expect(open!.summary).toMatch(/^Motivo: Queja del cliente \(pidió hablar con una persona\): "/);
    await host.close();
  });

  it('should not list the cement asked about before when the complaint is about an order', async () => {
    const { host, tickets } = createMemoryHost({ tenant, brain });
    await sayTo(host, 'h35-goods', 'hola, tienen cemento gris?');
    await sayTo(host, 'h35-goods', 'quiero hablar con una persona, el pedido de ayer llegó incompleto');
    const [open] = await tickets.list('ferreteria');
    expect(open!.summary).not.toMatch(/Productos:/);
    expect(open!.summary).toContain('"hola, tienen cemento gris?"');
    await host.close();
  });

  it('should keep a plain request for a person a customer request, with its own reply', async () => {
    const { host, tickets } = createMemoryHost({ tenant, brain });
    await sayTo(host, 'h35-cement', 'hola, tienen cemento gris?');
    const turn = await sayTo(host, 'h35-cement', 'quiero hablar con una persona');
    expect(replyText(turn)).toMatch(/Te paso con una persona/);
    const [open] = await tickets.list('ferreteria');
    expect(open).toMatchObject({ reason: 'customer_request' });
    expect(open!.summary).toMatch(/Productos: .*Cemento/);
    expect(ctx(turn).ticket?.askedPerson).toBeUndefined();
    await host.close();
  });

  it('should let the customer call off the person they asked for, the ticket closed still a complaint', async () => {
    const { host, tickets } = createMemoryHost({ tenant, brain });
    await sayTo(host, 'h35-off', 'quiero hablar con una persona, el pedido de ayer llegó incompleto');
    const off = await sayTo(host, 'h35-off', 'olvídalo, ya lo resolví');
    expect(replyText(off)).toMatch(/cancelé la solicitud/);
    const [closed] = await tickets.list('ferreteria');
    expect(closed).toMatchObject({ reason: 'complaint', status: 'closed' });
    await host.close();
  });

  it('should keep a complaint the bot filed on its own open on "olvídalo"', async () => {
    const { host, tickets } = createMemoryHost({ tenant, brain });
    const told = await sayTo(host, 'h35-keep', 'el pedido de ayer me llegó incompleto, faltaron 2 sacos');
    expect(ctx(told).ticket).toMatchObject({ reason: 'complaint' });
    expect(ctx(told).ticket?.askedPerson).toBeUndefined();
    const off = await sayTo(host, 'h35-keep', 'olvídalo');
    expect(replyText(off)).toBe('');
    const [open] = await tickets.list('ferreteria');
    expect(open).toMatchObject({ reason: 'complaint', status: 'open' });
    await host.close();
  });

  it.each([
    ['olvídalo, ya no hace falta', false, false],
    ['olvídalo, ya no hace falta', true, true],
    ['never mind, thanks', true, true],
    ['ya no me contestan, ¿qué pasa?', true, false],
  ] as const)('should read "%s" during a complaint handoff (person asked: %s) as called off: %s', (text, askedPerson, expected) => {
    expect(callsOffHandoff(text, 'complaint', askedPerson)).toBe(expected);
  });
});

describe('the summary of a complaint about an order', () => {
  it.each([
    ['el pedido de ayer llegó incompleto', true],
    ["yesterday's order came with two bags missing", true],
    ['la entrega llegó tarde', true],
    ['el breaker que compré no sirve', false],
    ['me cobraron dos veces', false],
  ] as const)('should tell whether "%s" is about an order: %s', (text, expected) => {
    expect(aboutAnOrder(text)).toBe(expected);
  });

  it('should drop the product answered before for an order complaint and keep it for a product one', () => {
    const context = { productFocus: { name: 'Cemento Gris Cemex', quantity: 0 } };
    const order = summarizeConversation({ reason: 'complaint', askedPerson: true, transcript: [], context, trigger: { messageId: 'w1', text: 'quiero hablar con una persona, el pedido de ayer llegó incompleto' } });
    expect(order).not.toContain('Productos');
    expect(order).toMatch(/^Motivo: Queja del cliente \(pidió hablar con una persona\): "el pedido de ayer llegó incompleto"\./);
    const product = summarizeConversation({ reason: 'complaint', transcript: [], context, trigger: { messageId: 'w1', text: 'el cemento que compré vino mojado' } });
    expect(product).toContain('Productos: Cemento Gris Cemex');
  });
});

describe('what was missing, told as "came without"', () => {
  it.each([
    ['necesito hablar con un encargado, el delivery de hoy vino sin las varillas', 'el delivery de hoy vino sin las varillas'],
    ['talk to a person please, the order arrived without the screws', 'the order arrived without the screws'],
  ])('should find the trouble in %j', (text, told) => {
    expect(complaintToldWith(text)).toBe(told);
  });
});
