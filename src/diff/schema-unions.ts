/** Unions in a schema comparison: variants matched across versions, and a plain object read as the union that replaced it. */
import type { NodeRef } from '../load/spec.js';
import type { Direction } from '../types.js';
import { stableStringify } from '../util/guards.js';
import { fmt, type DiffContext, type PairResult } from './pair.js';
import type { SchemaView, ViewBuilder } from './schema-view.js';

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

function variantKey(views: ViewBuilder, n: NodeRef, discriminator?: string): string {
  const v = views.view(n);
  if (v.refName) return `ref:${v.refName}`;
  if (discriminator) {
    const p = v.properties.get(discriminator);
    if (p) {
      const pv = views.view(p);
      const single = pv.const ? pv.const.value : pv.enum?.length === 1 ? pv.enum[0] : undefined;
      if (single !== undefined) return `disc:${fmt(single)}`;
    }
  }
  if (v.title) return `title:${v.title}`;
  return `hash:${stableStringify(views.resolve(n).node.value).slice(0, 2000)}`;
}

export function compareVariants(ctx: DiffContext, pair: PairResult, dir: Direction, a: SchemaView, b: SchemaView): void {
  if (!a.variants && !b.variants) return;
  const at = { base: a.node, rev: b.node };
  if (a.variants && b.variants && a.variants.kind !== b.variants.kind) {
    pair.compositionChanged = true;
    ctx.add(pair, dir, 'schema.composition.changed', { from: a.variants.kind, to: b.variants.kind }, at);
  }
  const al = a.variants?.list ?? [];
  const bl = b.variants?.list ?? [];
  const discA = a.discriminator?.propertyName;
  const discB = b.discriminator?.propertyName;
  const aKeys = al.map((n) => variantKey(ctx.baseViews, n, discA));
  const bKeys = bl.map((n) => variantKey(ctx.revViews, n, discB));
  const usedB = new Set<number>();
  const unmatchedA: number[] = [];
  aKeys.forEach((k, i) => {
    const j = bKeys.findIndex((kb, jj) => kb === k && !usedB.has(jj));
    if (j === -1) unmatchedA.push(i);
    else {
      usedB.add(j);
      pair.children.push(ctx.compare(al[i]!, bl[j]!, dir));
    }
  });
  const unmatchedB = bl.map((_, j) => j).filter((j) => !usedB.has(j));
  // Inline variants that were edited: pair the leftovers by position when counts agree.
  if (unmatchedA.length && unmatchedA.length === unmatchedB.length && unmatchedA.every((i) => !aKeys[i]!.startsWith('ref:'))) {
    unmatchedA.forEach((i, n) => pair.children.push(ctx.compare(al[i]!, bl[unmatchedB[n]!]!, dir)));
    return;
  }
  if (!a.variants || !b.variants) {
    // A plain schema became a union (or the reverse): the plain one stands as a single variant.
    if (!a.variants && bl.length) {
      pair.compositionChanged = true;
      const k = variantKey(ctx.baseViews, a.node, discB);
      const j = bKeys.indexOf(k);
      bl.forEach((n, jj) => {
        if (jj !== j) ctx.add(pair, dir, 'schema.variant.added', { variant: bKeys[jj]!.replace(/^\w+:/, '').slice(0, 80), composition: b.variants!.kind }, { base: a.node, rev: n });
      });
    } else if (!b.variants && al.length) {
      pair.compositionChanged = true;
      const k = variantKey(ctx.revViews, b.node, discA);
      const i0 = aKeys.indexOf(k);
      al.forEach((n, ii) => {
        if (ii !== i0) ctx.add(pair, dir, 'schema.variant.removed', { variant: aKeys[ii]!.replace(/^\w+:/, '').slice(0, 80), composition: a.variants!.kind }, { base: n, rev: b.node });
      });
    }
    return;
  }
  for (const i of unmatchedA) ctx.add(pair, dir, 'schema.variant.removed', { variant: aKeys[i]!.replace(/^\w+:/, '').slice(0, 80), composition: a.variants.kind }, { base: al[i]!, rev: b.node });
  for (const j of unmatchedB) ctx.add(pair, dir, 'schema.variant.added', { variant: bKeys[j]!.replace(/^\w+:/, '').slice(0, 80), composition: b.variants.kind }, { base: a.node, rev: bl[j]! });
}
