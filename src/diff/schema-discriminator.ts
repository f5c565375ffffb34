/** Discriminators in a schema comparison: property, mapping, and the schemas they stand for. */
import type { Direction } from '../types.js';
import type { DiffContext, PairResult } from './pair.js';
import type { SchemaView } from './schema-view.js';

export function compareDiscriminator(ctx: DiffContext, pair: PairResult, dir: Direction, a: SchemaView, b: SchemaView): void {
  const x = a.discriminator;
  const y = b.discriminator;
  if (!x && !y) return;
  const at = { base: x?.node ?? a.node, rev: y?.node ?? b.node };
  if (!x || !y || x.propertyName !== y.propertyName) {
    ctx.add(pair, dir, 'schema.discriminator.property-changed', { from: x?.propertyName ?? '', to: y?.propertyName ?? '' }, at);
    return;
  }
  for (const [k, target] of y.mapping) {
    if (!x.mapping.has(k)) ctx.add(pair, dir, 'schema.discriminator.mapping-added', { value: k, target }, at);
    else if (x.mapping.get(k) !== target) ctx.add(pair, dir, 'schema.discriminator.mapping-changed', { value: k, from: x.mapping.get(k)!, to: target }, at);
  }
  for (const k of x.mapping.keys()) if (!y.mapping.has(k)) ctx.add(pair, dir, 'schema.discriminator.mapping-removed', { value: k }, at);
  // The schemas a discriminator stands for are compared like any other, whether the mapping
  // names them or they only extend this schema through allOf.
  const ta = ctx.baseViews.mappingTargets(x.node);
  const tb = ctx.revViews.mappingTargets(y.node);
  for (const [k, n] of ta) {
    const m = tb.get(k);
    if (m) pair.children.push(ctx.compare(n, m, dir));
  }
  const sa = ctx.baseViews.subschemas(a.node);
  const sb = ctx.revViews.subschemas(b.node);
  for (const [name, n] of sa) {
    const m = sb.get(name);
    if (m) pair.children.push(ctx.compare(n, m, dir));
  }
}
