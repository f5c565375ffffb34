/** Unions in a schema comparison: variants matched across versions. */
import type { NodeRef } from '../load/spec.js';
import type { Direction } from '../types.js';
import { stableStringify } from '../util/guards.js';
import { fmt, type DiffContext, type PairResult } from './pair.js';
import type { SchemaView, ViewBuilder } from './schema-view.js';

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
