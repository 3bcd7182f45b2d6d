import type { Payment } from './studio.js';

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The fake provider's checkout page: what the customer would see after tapping the payment link.
 * It asks for no card: two buttons settle the demo payment as paid or failed.
 */
export function paymentPage(p: Payment): string {
  const amount = new Intl.NumberFormat('es-DO', { style: 'currency', currency: p.currency }).format(p.amount);
  const settled = p.status !== 'pending';
  return `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pago de demostración</title>
<style>body{font:16px system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}button{font:inherit;padding:.6rem 1rem;margin-right:.5rem}</style></head>
<body><h1>Pago de demostración · Demo payment</h1>
<p>${escape(p.description)}</p><p><strong>${escape(amount)}</strong></p>
<p>Estado · Status: <strong id="status">${escape(p.status)}</strong></p>
${settled ? '' : `<form method="post"><button name="outcome" value="paid">Pagar · Pay</button><button name="outcome" value="failed">Rechazar · Decline</button></form>`}
<p><small>Proveedor de prueba: no se pide ni se guarda ningún dato de tarjeta. · Test provider: no card data is asked for or kept.</small></p>
</body></html>`;
}
