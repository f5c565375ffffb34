/** A plain object read as the union that replaced it (or the reverse), so their fields compare. */
import { stableStringify } from '../util/guards.js';
import type { DiffContext } from './pair.js';
import type { SchemaView, ViewBuilder } from './schema-view.js';
import type { NodeRef } from '../load/spec.js';

/**
 * A plain object on one side and the union that replaced it (or the reverse): the union is read
 * as the object its variants describe together, so its fields are compared with the plain
 * object's (`type` -> `integrationType` is a rename, not two removals). Only when every variant
 * is an object (with a discriminator the old object names a value of, the variant it selects);
 * a field offered by several variants counts only when they all declare the same schema, and is
 * required only when every variant requires it.
 */
export function unionShape(ctx: DiffContext, views: ViewBuilder, plain: SchemaView, union: SchemaView): SchemaView | undefined {
  if (plain.variants || !union.variants || !plain.types?.has('object') || plain.types.size !== 1) return undefined;
  let list = union.variants.list.map((n) => views.view(n));
  if (!list.every((v) => v.types?.size === 1 && v.types.has('object') && !v.variants)) return undefined;
  const disc = union.discriminator?.propertyName;
  if (disc !== undefined) {
    const own = plain.properties.get(disc);
    const pv = own ? (views === ctx.revViews ? ctx.baseViews : ctx.revViews).view(own) : undefined;
    const value = pv?.const ? pv.const.value : pv?.enum?.length === 1 ? pv.enum[0] : undefined;
    if (value === undefined) return undefined;
    list = list.filter((v) => {
      const p = v.properties.get(disc);
      const x = p ? views.view(p) : undefined;
      return x !== undefined && (x.const ? stableStringify(x.const.value) === stableStringify(value) : !!x.enum?.some((e) => stableStringify(e) === stableStringify(value)));
    });
    if (list.length !== 1) return undefined;
  }
  // Fields the union declares beside its variants belong to every variant.
  const properties = new Map<string, NodeRef>(union.properties);
  const conflicting = new Set<string>();
  for (const v of list) {
    for (const [name, p] of v.properties) {
      const known = properties.get(name);
      if (!known) properties.set(name, p);
      else if (views.identity(views.resolve(known).node) !== views.identity(views.resolve(p).node) && stableStringify(views.resolve(known).node.value) !== stableStringify(views.resolve(p).node.value)) conflicting.add(name);
    }
  }
  for (const name of conflicting) properties.delete(name);
  if (conflicting.size) return undefined;
  const required = new Set([...properties.keys()].filter((name) => union.required.has(name) || list.every((v) => v.required.has(name))));
  return { ...union, types: new Set(['object']), properties, required };
}

