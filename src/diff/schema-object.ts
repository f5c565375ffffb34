/** The object part of a schema comparison: properties, required names, additionalProperties. */
import type { Direction } from '../types.js';
import type { DiffContext, PairResult } from './pair.js';
import { componentPath, fieldCorrespondences, type PropertySide } from './property-pairs.js';
import type { SchemaView } from './schema-view.js';

export function compareObject(ctx: DiffContext, pair: PairResult, dir: Direction, a: SchemaView, b: SchemaView): void {
  const skip = (v: SchemaView | undefined): boolean => !!v && ((dir === 'request' && v.readOnly) || (dir !== 'request' && v.writeOnly));
  const names = new Set([...a.properties.keys(), ...b.properties.keys()]);
  const removed: PropertySide[] = [];
  const added: PropertySide[] = [];
  const displaced = displacedNames(ctx, a, b);
  for (const name of names) {
    const ap = a.properties.get(name);
    const bp = b.properties.get(name);
    if (ap && bp && displaced.has(name)) {
      // The mapping file gives the name to another old field: the old one of that name is gone.
      if (!skip(ctx.baseViews.view(ap))) {
        ctx.add(pair, dir, 'schema.property.removed', { property: name, required: a.required.has(name) }, { base: ap, rev: b.node }, { baseSchema: ap });
        removed.push({ name, node: ap });
      }
      if (!skip(ctx.revViews.view(bp))) {
        ctx.add(pair, dir, 'schema.property.added', { property: name, required: b.required.has(name) }, { base: a.node, rev: bp }, { revSchema: bp });
        added.push({ name, node: bp });
      }
    } else if (ap && bp) {
      const ar = a.required.has(name);
      const br = b.required.has(name);
      // A field that cannot differ: nothing to compare inside, so no views to build (it is
      // read-only or write-only on both sides alike).
      if (ar === br && ctx.same(ap, bp)) continue;
      const av = ctx.baseViews.view(ap);
      const bv = ctx.revViews.view(bp);
      if (skip(av) && skip(bv)) continue;
      if (!skip(av) && skip(bv)) {
        ctx.add(pair, dir, bv.readOnly && dir === 'request' ? 'schema.read-only.added' : 'schema.write-only.added', { property: name }, { base: ap, rev: bp });
        continue;
      }
      if (skip(av) && !skip(bv)) {
        ctx.add(pair, dir, av.readOnly && dir === 'request' ? 'schema.read-only.removed' : 'schema.write-only.removed', { property: name }, { base: ap, rev: bp });
        continue;
      }
      if (ar !== br) ctx.add(pair, dir, br ? 'schema.property.became-required' : 'schema.property.became-optional', { property: name }, { base: ap, rev: bp });
      pair.children.push(ctx.compare(ap, bp, dir));
    } else if (ap) {
      if (skip(ctx.baseViews.view(ap))) continue;
      ctx.add(pair, dir, 'schema.property.removed', { property: name, required: a.required.has(name) }, { base: ap, rev: b.node }, { baseSchema: ap });
      removed.push({ name, node: ap });
    } else if (bp) {
      if (skip(ctx.revViews.view(bp))) continue;
      ctx.add(pair, dir, 'schema.property.added', { property: name, required: b.required.has(name) }, { base: a.node, rev: bp }, { revSchema: bp });
      added.push({ name, node: bp });
    }
  }
  // A field renamed or moved keeps its identity: its old and new schemas are compared, so what
  // changed inside it is reported (the transition rules make the rename itself one change).
  if (removed.length && added.length) {
    const views = { baseViews: ctx.baseViews, revViews: ctx.revViews, properties: ctx.properties };
    for (const c of fieldCorrespondences(removed, added, views, dir === 'request')) pair.children.push(ctx.compare(c.base, c.rev, dir));
  }
  // additionalProperties: undefined/true/schema/false
  const x = a.additionalProperties;
  const y = b.additionalProperties;
  const at = { base: a.node, rev: b.node };
  if (x === false && y !== false) ctx.add(pair, dir, 'schema.additional-properties.allowed', {}, at);
  else if (x !== false && y === false && (a.types?.has('object') || b.types?.has('object'))) ctx.add(pair, dir, 'schema.additional-properties.restricted', {}, at);
  else if (typeof x === 'object' && typeof y === 'object') pair.children.push(ctx.compare(x, y, dir));
  else if (typeof x === 'object' && y === undefined) ctx.add(pair, dir, 'schema.additional-properties.allowed', {}, at);
  else if (x === undefined && typeof y === 'object') ctx.add(pair, dir, 'schema.additional-properties.restricted', {}, at);
}

/**
 * Names present on both sides that the mapping file gives to another old field of the object
 * (`Client._id: id` where the old Client also had an `id`): the old field of that name is not
 * the new one.
 */
function displacedNames(ctx: DiffContext, a: SchemaView, b: SchemaView): Set<string> {
  const out = new Set<string>();
  if (!ctx.properties?.size) return out;
  for (const [name, node] of a.properties) {
    if (b.properties.has(name)) continue;
    const key = componentPath(node.pointer);
    const to = key !== undefined ? ctx.properties.get(key) : undefined;
    if (to !== undefined && to !== name && a.properties.has(to) && b.properties.has(to)) out.add(to);
  }
  return out;
}
