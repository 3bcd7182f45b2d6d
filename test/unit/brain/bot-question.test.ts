import { describe, expect, it } from 'vitest';
import { asksIfBot } from '../../../src/actors/brain/rule/bot-question.js';

describe('asksIfBot', () => {
  it('should read a question about what answers, in either language', () => {
    for (const text of ['eres un robot?', '¿hablo con una persona?', 'hola, eres un bot?', 'hay una persona real ahí o es un robot?', 'me está contestando una máquina?', 'eres real?', 'are you a bot?', 'am I talking to a real person?', 'is this a bot or a person?', 'r u a bot']) {
      expect(asksIfBot(text), text).toBe(true);
    }
  });

  it('should leave a request for a person to the triage, and other sentences alone', () => {
    for (const text of ['tu eres un robot? pasame con alguien', 'eres un bot? pasame con alguien de verdad', 'no quiero hablar con un robot', 'quiero que me atienda una persona, no un bot', 'can I speak to a real person', 'Is there a real person I can chat with?', 'a human please, not a bot', 'quiero hablar con una persona', 'es un regalo para una persona', 'hablo con ferreteria la romana?']) {
      expect(asksIfBot(text), text).toBe(false);
    }
  });
});
