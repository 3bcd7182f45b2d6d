/**
 * A list that came down to one product ("¿hay algo más barato?" with one cheaper item, "¿otra
 * marca?" with one other brand): a clerk does not ask "¿Cuál te interesa?" about one thing. The
 * answer is said of that product (the tenant's `<template>.one`, when it has one) with the
 * reserve offer a single product priced gets, so a "sí" next sets it aside.
 */
import type { Lang } from '../../domain/nlu.js';
import type { TenantData } from '../../domain/tenant.js';
import type { ProductActorOutput } from '../../machines/conversation.contract.js';

/** `out` with its one-item list said of that one product; unchanged for a longer list or a tenant without the `.one` template. */
export function withOneShown(tenant: TenantData, out: ProductActorOutput, lang: Lang): ProductActorOutput {
  const first = out.replies[0];
  if (out.outcome !== 'answered' || !first || !('template' in first)) return out;
  const items = first.params?.items;
  const one = `${first.template}.one`;
  if (!Array.isArray(items) || items.length !== 1 || tenant.templates[lang]?.[one] === undefined) return out;
  const { items: _list, ...rest } = first.params ?? {};
  const said = { template: one, params: { ...rest, ...(items[0] ?? {}) } };
  const { options: _options, ...reply } = { ...first, ...said };
  const sku = out.focus?.options?.length === 1 ? out.focus.options[0] : out.focus?.sku;
  const product = tenant.catalog.find((p) => p.sku === sku);
  if (!out.focus || !product) return { ...out, replies: [reply, ...out.replies.slice(1)] };
  const focus = { ...out.focus, sku: product.sku, name: product.name, price: product.price, options: undefined };
  const reserve = out.reserve ?? (product.stock > 0 ? { sku: product.sku, name: product.name, quantity: Math.max(1, out.focus.quantity ?? 1) } : undefined);
  return { ...out, replies: [reply, ...out.replies.slice(1)], focus, ...(reserve ? { reserve } : {}) };
}
