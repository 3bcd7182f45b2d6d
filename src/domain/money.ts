/**
 * Money as a Dominican store writes it. Lives in the domain so that every layer (the tools'
 * answers, the machine's workflow texts) shows the same amount the same way.
 */

/** How a currency's amounts are prefixed; other ISO codes are written after the amount. */
const PREFIX: Readonly<Record<string, string>> = { DOP: 'RD$', USD: 'US$', EUR: '€' };

/**
 * Formats an amount the way Dominican stores write it: `RD$1,250.00` for pesos (the default),
 * `US$40.00`, `€12.50`, and `1,250.00 CAD` for a currency without a customary prefix; the same in
 * both languages. Negative amounts get a leading minus: `-RD$50.00`.
 */
export function formatMoney(amount: number, currency = 'DOP'): string {
  // A count typed as 25 digits ("dame 99999999999999999999999 sacos") gives an amount past 2^53:
  // whole cents as a BigInt, so it is written out in digits, never "RD$6.55e+25.80".
  const cents = Math.round(Math.abs(amount) * 100);
  const exact = Number.isFinite(cents) ? BigInt(cents) : 0n;
  const whole = (exact / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (exact % 100n).toString().padStart(2, '0');
  const sign = amount < 0 && cents > 0 ? '-' : '';
  const code = currency.toUpperCase();
  const prefix = PREFIX[code];
  return prefix === undefined ? `${sign}${whole}.${fraction} ${code}` : `${sign}${prefix}${whole}.${fraction}`;
}

/** A number or a numeric string ("1500", "1500.5") as an amount; anything else is not money. */
export function asAmount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return null;
}
