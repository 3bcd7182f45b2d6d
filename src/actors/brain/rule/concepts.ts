/**
 * Word classes the classifier sees next to the raw n-grams, so that an unseen synonym
 * ("saldo" when training said "balance") still lands near its intent. Entries are folded
 * stems: a token matches when it starts with the stem (stems of ≤ 3 letters match exactly, and so
 * does a stem written with a final `$`: "call$" is the English verb, never "calle", a street).
 */
const CONCEPTS: Record<string, readonly string[]> = {
  greet: ['hola', 'buenas', 'buenos', 'saludo', 'klk', 'hi', 'hello', 'hey', 'morning', 'afternoon', 'evening', 'wepa', 'epa', 'dimelo', 'digame', 'tal'],
  bye: ['adios', 'chao', 'chau', 'bye', 'luego', 'vemos', 'despid', 'despedi', 'goodbye', 'later', 'cya', 'pronto', 'retiro', 'voy', 'ir', 'go', 'leave', 'cuidat', 'cuidens', 'take', 'care'],
  thanks: ['gracias', 'agradec', 'amable', 'thank', 'thanks', 'apprecia', 'cheers'],
  have: ['tienen', 'tiene', 'hay', 'vende', 'venden', 'queda', 'existencia', 'stock', 'disponib', 'carry', 'sell', 'have', 'availab', 'busco', 'buscando', 'looking', 'maneja', 'marca', 'brand'],
  price: ['precio', 'cuesta', 'cuestan', 'vale', 'valen', 'cuanto', 'cotiz', 'presupuest', 'costo', 'price', 'prices', 'cost', 'quote', 'much', 'estimate', 'cobra', 'charge', 'caro', 'expensive', 'sale'],
  offer: ['oferta', 'promo', 'descuent', 'rebaja', 'especial', 'liquidac', 'combo', 'cupon', 'deal', 'discount', 'coupon', 'clearance', 'special', 'ganga', 'bundle', 'regalo'],
  debt: ['cuenta', 'balance', 'saldo', 'debo', 'deuda', 'mora', 'atrasad', 'credito', 'pago', 'pagos', 'pague', 'suspend', 'abono', 'account', 'owe', 'overdue', 'statement', 'credit', 'payment', 'due', 'vence', 'bloquea', 'pendiente', 'standing', 'behind'],
  hours: ['hora', 'horario', 'abren', 'abierto', 'cierran', 'domingo', 'sabado', 'feriado', 'open', 'close', 'closing', 'hours', 'sunday', 'saturday', 'holiday', 'temprano', 'tarde'],
  place: ['donde', 'direccion', 'calle', 'ubica', 'sucursal', 'llego', 'llegar', 'address', 'located', 'location', 'branch', 'where', 'directions', 'parqueo', 'parking', 'cerca', 'nearest', 'maps', 'tienda', 'store'],
  delivery: ['delivery', 'flete', 'acarreo', 'envio', 'envia', 'entrega', 'domicilio', 'llevan', 'ship', 'deliver', 'pick', 'recoger'],
  paymethod: ['tarjeta', 'transferencia', 'efectivo', 'cheque', 'card', 'cash', 'transfer', 'metodo', 'method', 'paypal'],
  job: ['trabajo', 'trabajar', 'empleo', 'vacant', 'curricul', 'cv', 'contratando', 'personal', 'empleado', 'puesto', 'plaza', 'sueldo', 'salario', 'entrevista', 'pasant', 'aplica', 'job', 'hiring', 'hire', 'vacanc', 'resume', 'apply', 'career', 'internship', 'salary', 'interview', 'position', 'work', 'recluta', 'recruit', 'chance', 'opening', 'cogiendo'],
  human: ['persona', 'humano', 'agente', 'representante', 'asesor', 'operador', 'encargado', 'gerente', 'supervisor', 'dueno', 'robot', 'bot', 'maquina', 'human', 'person', 'agent', 'operator', 'representative', 'manager', 'real', 'someone', 'alguien', 'llame', 'llamen', 'call$', 'calls$', 'called', 'calling', 'hablar', 'talk', 'speak', 'staff', 'transfer'],
  complain: ['queja', 'quejar', 'reclamo', 'pesimo', 'mal', 'malo', 'mala', 'danad', 'defectuos', 'roto', 'rota', 'equivoca', 'devol', 'reembolso', 'molest', 'indignad', 'grosero', 'grosera', 'horrible', 'terrible', 'complain', 'refund', 'broken', 'wrong', 'damaged', 'defective', 'rude', 'awful', 'worst', 'return', 'upset', 'verguenza', 'irrespet', 'nunca', 'never', 'garantia', 'warranty', 'esperando', 'waited', 'waiting', 'partid', 'cracked', 'respeto', 'incomplet', 'dinero', 'money', 'unacceptable', 'oxidad', 'rayad', 'sucia', 'sucio', 'mojad', 'abollad', 'doblad', 'rompi', 'abuso', 'dirty', 'yelled', 'rusty', 'scratched', 'dented', 'expired', 'gotea'],
  bulk: ['mayor', 'mayoreo', 'volumen', 'empresa', 'compania', 'constructora', 'proyecto', 'obra', 'suplidor', 'proveedor', 'distribuidor', 'corporativ', 'contrato', 'wholesale', 'bulk', 'company', 'business', 'supplier', 'project', 'corporate', 'contractor', 'distributor', 'volume', 'revend', 'resell', 'licitacion', 'tender', 'alianza', 'partner', 'mensual', 'monthly', 'firm', 'ejecutivo', 'executive', 'negocio'],
  offtopic: ['clima', 'lluev', 'llover', 'temperatura', 'huracan', 'juego', 'partido', 'pelota', 'pelotero', 'eleccion', 'presidente', 'politic', 'chiste', 'pelicula', 'musica', 'tarea', 'loteria', 'dolar', 'weather', 'rain', 'game', 'election', 'joke', 'movie', 'music', 'homework', 'netflix', 'novia', 'casado', 'married', 'receta', 'recipe', 'cook', 'poema', 'poem', 'traduce', 'translate', 'pasaporte', 'capital', 'futbol', 'football', 'soccer', 'baseball', 'aburr', 'bored', 'yankees', 'tigres', 'aguilas', 'test', 'prueba', 'probando', 'testing'],
};

const exact = new Map<string, string[]>();
const prefixes: [string, string][] = [];
for (const [concept, stems] of Object.entries(CONCEPTS)) {
  for (const stem of stems) {
    if (stem.endsWith('$')) exact.set(stem.slice(0, -1), [...(exact.get(stem.slice(0, -1)) ?? []), concept]);
    else if (stem.length <= 3) exact.set(stem, [...(exact.get(stem) ?? []), concept]);
    else prefixes.push([stem, concept]);
  }
}

/** Concept classes of one normalised token (possibly several, e.g. "pago" is debt). */
export function conceptsOf(token: string, extra?: ReadonlySet<string>): string[] {
  let base = cache.get(token);
  if (base === undefined) {
    const found = new Set<string>(exact.get(token) ?? []);
    for (const [stem, concept] of prefixes) if (token.startsWith(stem)) found.add(concept);
    base = [...found];
    if (cache.size < 50_000) cache.set(token, base);
  }
  if (extra && (extra.has(token) || extra.has(token.replace(/e?s$/, '')) || extra.has(token.replace(/s$/, '')))) {
    return [...base, 'product'];
  }
  return base;
}

const cache = new Map<string, string[]>();
