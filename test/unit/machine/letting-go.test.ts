import { describe, expect, it } from 'vitest';
import { letsItGo } from '../../../src/machines/letting-go.js';

describe('the customer lets the matter go', () => {
  it('should read "never mind", "olvídalo", "cancel" and the like, with courtesy around them', () => {
    for (const text of ['never mind', 'ok nevermind', 'Nvm', 'forget it', 'forget about it, thanks', 'olvídalo', 'Olvídate de eso', 'déjalo así', 'bueno, déjalo', 'cancel', 'cancela', 'mejor cancela', 'cancelar la solicitud', 'ya no quiero la cotización, gracias', 'ya no me interesa', 'no quiero seguir', 'I changed my mind', "I don't want it anymore", 'cambié de idea']) {
      expect(letsItGo(text), text).toBe(true);
    }
  });

  it('should not read a request, a complaint or a bare no', () => {
    for (const text of ['no', 'mejor no', 'no importa', 'cancela mi pedido de cemento', 'the delivery never arrived', 'I never got my order', 'quiero cancelar una factura', 'déjame ver', 'dejé el taladro en la tienda', 'forget it, I want to talk to a person now']) {
      expect(letsItGo(text), text).toBe(false);
    }
  });
});
