import { describe, expect, it } from 'vitest';
import { asksTradePrice } from '../../../src/machines/trade-price.js';
import { storeFactsAsked } from '../../../src/actors/brain/rule/store-facts.js';
import { tellsWrongDelivery } from '../../../src/actors/brain/rule/purchase-trouble.js';
import { ordersOneUnit } from '../../../src/actors/tools/product-quote-one.js';
import { otherBrands } from '../../../src/actors/tools/other-brands.js';
import { createCatalogIndex } from '../../../src/actors/tools/catalog-search.js';
import { loadDemo } from '../../helpers/memory-host.js';

describe('asksTradePrice: the price of the job right after tradespeople were offered', () => {
  it.each(['¿cuánto cobran?', 'y cuánto cobra el plomero?', 'y a como sale?', 'cuanto cobran mas o menos?', '¿y el precio?', 'how much do they charge?', 'what do they charge?', 'y cuánto cobra por instalarlo?'])('%s → yes', (text) => {
    expect(asksTradePrice(text)).toBe(true);
  });
  it.each(['cuánto cuesta el inodoro?', 'cuánto cuesta el cemento', 'how much is the toilet?', 'sí', 'a qué hora abren?'])('%s → no (another thing, or no price)', (text) => {
    expect(asksTradePrice(text)).toBe(false);
  });
});

describe('storeFactsAsked: a tradesperson\'s price is the installationPrice fact', () => {
  it.each(['cuanto cobra un plomero?', '¿cuánto cuesta la instalación?', 'cuanto cobra un plomero por instalar un inodoro?', 'cuánto sale la mano de obra?', 'cuanto cobra un pintor por pintar una casa?', 'cuánto cobra un maestro por pañetar una pared?', 'how much does an electrician charge to install a fan?'])('%s', (text) => {
    expect(storeFactsAsked(text)).toContain('installationPrice');
    expect(storeFactsAsked(text)).not.toContain('installation');
  });
  it.each(['cuánto cuesta la cinta de plomero?', 'cuánto cuesta la cinta de pintor?', 'how much is plumber\'s tape', 'cuánto cuesta el kit de instalación del inodoro?', '¿cuánto tarda la instalación?'])('%s → goods or no price, not the fact', (text) => {
    expect(storeFactsAsked(text)).not.toContain('installationPrice');
  });
  it.each(['necesito un plomero que me instale un inodoro', 'necesito un pintor', 'I need a painter', 'y la instalación?'])('%s → the installation fact', (text) => {
    expect(storeFactsAsked(text)).toEqual(['installation']);
  });
  it('should leave painter\'s tape to the products', () => {
    expect(storeFactsAsked('necesito cinta de pintor')).toEqual([]);
  });
});

describe('tellsWrongDelivery: the wrong or a damaged thing delivered', () => {
  it.each(['me llegó la pintura con otro color, la quiero devolver', 'me mandaron otra medida', 'el inodoro me llego roto, quiero cambiarlo', 'me trajeron la varilla equivocada', 'la pintura que me vendieron no es el color que pedí, la quiero devolver', 'me mandaron varilla de 1/2 y yo pedi de 3/8', 'you sent me the wrong color, I want to return it', 'it arrived damaged'])('%s → yes', (text) => {
    expect(tellsWrongDelivery(text)).toBe(true);
  });
  it.each(['quiero devolver una pintura', 'me llegó el pedido', 'cuándo me llega?', 'I want to return a paint'])('%s → no fault told', (text) => {
    expect(tellsWrongDelivery(text)).toBe(false);
  });
});

describe('ordersOneUnit: one selling unit ordered, not asked about', () => {
  it.each(['dame un galón de pintura blanca', 'mándame una funda de cemento', 'necesito un galon de pintura blanca', 'quiero 1 saco de cemento', 'give me one gallon of white paint', "I'll take a bag of cement"])('%s → yes', (text) => {
    expect(ordersOneUnit(text)).toBe(true);
  });
  it.each(['tienen pintura blanca?', 'cuánto cuesta un galón de pintura blanca?', 'dame 3 galones de pintura blanca', 'quiero una varilla de 3/8', undefined])('%s → no', (text) => {
    expect(ordersOneUnit(text)).toBe(false);
  });
});

describe('otherBrands: the same thing of other brands behind the everyday one', () => {
  it('should name the grey cements of other brands in stock, cheapest first, and none on a brand named', async () => {
    const { tenant } = await loadDemo();
    const index = createCatalogIndex(tenant.catalog);
    const cemex = tenant.catalog.find((p) => p.sku === 'CEM-001')!;
    // Santo Domingo is out of stock; the white Cemex is another cement.
    expect(otherBrands(tenant, index, cemex, 'cemento').map((p) => p.brand)).toEqual(['Colonial', 'Cibao']);
    expect(otherBrands(tenant, index, cemex, 'cemento cemex')).toEqual([]);
  });
  it('should name no satin paint beside the acrylic white (another paint, not another brand of it)', async () => {
    const { tenant } = await loadDemo();
    const index = createCatalogIndex(tenant.catalog);
    const white = tenant.catalog.find((p) => p.sku === 'PIN-003')!;
    expect(otherBrands(tenant, index, white, 'pintura blanca')).toEqual([]);
  });
});
