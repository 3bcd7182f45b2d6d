import { describe, expect, it } from 'vitest';
import { HelloFrame, MessageFrame, readFrame, readMessageFrame } from '../../../src/runtime/gateway/widget-frames.js';
import { MAX_MESSAGE_CHARS, WIDGET_PROTOCOL_VERSION } from '../../../src/channels/widget/protocol.js';

const hello = (extra: Record<string, unknown>) => ({ type: 'hello', v: WIDGET_PROTOCOL_VERSION, tenant: 'ferreteria', visitorId: 'v_0123456789abcdef', ...extra });

describe('widget client frames (zod schemas with the protocol’s own words)', () => {
  it.each([
    [{ v: 99 }, `Unsupported protocol version; use v=${WIDGET_PROTOCOL_VERSION}.`],
    [{ visitorId: 'short' }, 'visitorId must be 8-64 characters of A-Z, a-z, 0-9, _ or -.'],
    [{ visitorId: 12345678 }, 'visitorId must be 8-64 characters of A-Z, a-z, 0-9, _ or -.'],
    [{ visitorId: 'aaaa aaaa' }, 'visitorId must be 8-64 characters of A-Z, a-z, 0-9, _ or -.'],
    [{ lastSeq: -1 }, 'lastSeq must be a non-negative integer.'],
    [{ lastSeq: 1.5 }, 'lastSeq must be a non-negative integer.'],
    [{ lastSeq: null }, 'lastSeq must be a non-negative integer.'],
    [{ lang: 'fr' }, 'lang must be "es" or "en".'],
    [{ resumeToken: 'x'.repeat(201) }, 'resumeToken must be a string of at most 200 characters.'],
    [{ resumeToken: 7 }, 'resumeToken must be a string of at most 200 characters.'],
    // Several problems: the first in field order is answered, as the hand-written checks did.
    [{ v: 2, visitorId: 'x', lang: 'fr' }, `Unsupported protocol version; use v=${WIDGET_PROTOCOL_VERSION}.`],
  ])('should refuse hello %j with its message', (extra, problem) => {
    expect(readFrame(HelloFrame, hello(extra))).toEqual({ ok: false, problem });
  });

  it('should accept a hello with optional fields absent, and leave the tenant to its own check', () => {
    const read = readFrame(HelloFrame, hello({ tenant: 42 }));
    expect(read.ok).toBe(true);
    expect(read.ok && read.value.tenant).toBe(42);
    expect(readFrame(HelloFrame, hello({ lang: 'en', lastSeq: 3, resumeToken: 'abc' })).ok).toBe(true);
  });

  it.each([
    [{ text: 'hola' }, 'clientMessageId must be a string of 1-64 characters.'],
    [{ clientMessageId: '', text: 'hola' }, 'clientMessageId must be a string of 1-64 characters.'],
    [{ clientMessageId: 'x'.repeat(65), text: 'hola' }, 'clientMessageId must be a string of 1-64 characters.'],
    [{ clientMessageId: 'c1' }, `text must have 1-${MAX_MESSAGE_CHARS} characters.`],
    [{ clientMessageId: 'c1', text: '   ' }, `text must have 1-${MAX_MESSAGE_CHARS} characters.`],
    [{ clientMessageId: 'c1', text: '\u0000\u0000' }, `text must have 1-${MAX_MESSAGE_CHARS} characters.`],
    [{ clientMessageId: 'c1', text: 'a'.repeat(MAX_MESSAGE_CHARS + 1) }, `text must have 1-${MAX_MESSAGE_CHARS} characters.`],
  ])('should refuse message %j with its message', (frame, problem) => {
    expect(readFrame(MessageFrame, { type: 'message', ...frame })).toEqual({ ok: false, problem });
  });

  it('should normalise the text before counting it (an emoji is one character) and return it trimmed', () => {
    const emoji = '🧱'.repeat(MAX_MESSAGE_CHARS);
    const read = readFrame(MessageFrame, { type: 'message', clientMessageId: 'c1', text: `  ${emoji}\u0000 ` });
    expect(read).toEqual({ ok: true, value: { type: 'message', clientMessageId: 'c1', text: emoji } });
  });
});

describe('readMessageFrame (the hot path)', () => {
  const frames: unknown[] = [
    { type: 'message', clientMessageId: 'c1', text: 'hola' },
    { type: 'message', clientMessageId: 'c-2_x', text: '  ¿Tienen cemento?  ', extra: { a: 1 } },
    { type: 'message', clientMessageId: 'c3', text: 'ho\u0000la\r\nqu\u00e9 tal\ud800' },
    { type: 'message', clientMessageId: 'c4', text: 'e\u0301' },
    { type: 'message', clientMessageId: 'c5', text: '🧱'.repeat(MAX_MESSAGE_CHARS) },
    { type: 'message', clientMessageId: 'c6', text: `${'🧱'.repeat(MAX_MESSAGE_CHARS)}x` },
    { type: 'message', clientMessageId: 'c7', text: 'a'.repeat(MAX_MESSAGE_CHARS) },
    { type: 'message', clientMessageId: 'c8', text: 'a'.repeat(MAX_MESSAGE_CHARS + 1) },
    { type: 'message', clientMessageId: 'c9', text: ' \u200b ' },
    { type: 'message', clientMessageId: 'ñ-id', text: 'hola' },
    { type: 'message', clientMessageId: 'a\u0000', text: 'hola' },
    { type: 'message', clientMessageId: 'm\ud800', text: 'hola' },
    { type: 'message', clientMessageId: 'x'.repeat(64), text: 'hola' },
    { type: 'message', clientMessageId: 'x'.repeat(65), text: 'hola' },
    { type: 'message', clientMessageId: '', text: 'hola' },
    { type: 'message', clientMessageId: 7, text: 'hola' },
    { type: 'message', clientMessageId: 'c10', text: 42 },
    { type: 'message', clientMessageId: 'c11' },
    null,
    [],
    'message',
  ];

  it.each(frames.map((f) => [f]))('should read %j exactly as the schema does', (frame) => {
    expect(readMessageFrame(frame)).toEqual(readFrame(MessageFrame, frame));
  });
});
