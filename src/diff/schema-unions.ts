/**
 * Unions in a schema comparison: variants matched across versions, and the change between an
 * inclusive (`anyOf`) and an exclusive (`oneOf`) union judged by whether a value can match
 * several variants.
 */
import type { NodeRef } from '../load/spec.js';
import type { Direction } from '../types.js';
import { stableStringify } from '../util/guards.js';
import { fmt, type DiffContext, type PairResult } from './pair.js';
import type { SchemaView, ViewBuilder } from './schema-view.js';
import { overlaps } from './union-overlap.js';

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
  return `hash:${content(views, n).slice(0, 2000)}`;
}

/** What a variant says, whether written inline or through a `$ref`. */
const content = (views: ViewBuilder, n: NodeRef): string => stableStringify(views.resolve(n).node.value);

const label = (key: string): string => key.replace(/^\w+:/, '').slice(0, 80);
/** How a message names variant `i`: its reference name, discriminator value or title, else its position. */
const nameOf = (keys: string[], i: number): string => (keys[i]!.startsWith('hash:') ? `#${i + 1}` : label(keys[i]!));

/**
 * Pairs variants: by key (reference name, discriminator value, title, content), then the ones
 * left by content (a `$ref` replaced by an identical inline copy, or the reverse), each in one
 * pass over the lists. Returns the pairs and the indexes left on each side.
 */
function matchVariants(ctx: DiffContext, al: NodeRef[], bl: NodeRef[], aKeys: string[], bKeys: string[]): { pairs: Array<[number, number]>; restA: number[]; restB: number[] } {
  const pairs: Array<[number, number]> = [];
  const byKey = new Map<string, number[]>();
  bKeys.forEach((k, j) => {
    const list = byKey.get(k);
    if (list) list.push(j);
    else byKey.set(k, [j]);
  });
  let restA: number[] = [];
  const usedB = new Set<number>();
  aKeys.forEach((k, i) => {
    const j = byKey.get(k)?.shift();
    if (j === undefined) restA.push(i);
    else {
      usedB.add(j);
      pairs.push([i, j]);
    }
  });
  let restB = bl.map((_, j) => j).filter((j) => !usedB.has(j));
  if (restA.length && restB.length) {
    const byContent = new Map<string, number[]>();
    for (const j of restB) {
      const c = content(ctx.revViews, bl[j]!);
      const list = byContent.get(c);
      if (list) list.push(j);
      else byContent.set(c, [j]);
    }
    const leftA: number[] = [];
    for (const i of restA) {
      const j = byContent.get(content(ctx.baseViews, al[i]!))?.shift();
      if (j === undefined) leftA.push(i);
      else {
        usedB.add(j);
        pairs.push([i, j]);
      }
    }
    restA = leftA;
    restB = restB.filter((j) => !usedB.has(j));
  }
  return { pairs, restA, restB };
}

/**
 * Two variants of the revision's union that can both accept one value (and, when `old` is given,
 * a value the old schema accepted too). Pairwise, so quadratic in the number of variants.
 */
function overlappingPair(ctx: DiffContext, union: SchemaView, old?: SchemaView): [number, number] | undefined {
  // A discriminator names one variant per value: a value never selects two.
  if (union.discriminator || !union.variants) return undefined;
  const views = union.variants.list.map((n) => ctx.revViews.view(n));
  const fits = old ? views.map((v) => overlaps(ctx.baseViews, old, ctx.revViews, v)) : views.map(() => true);
  for (let i = 0; i < views.length; i++) {
    if (!fits[i]) continue;
    for (let j = i + 1; j < views.length; j++) if (fits[j] && overlaps(ctx.revViews, views[i]!, ctx.revViews, views[j]!)) return [i, j];
  }
  return undefined;
}

export function compareVariants(ctx: DiffContext, pair: PairResult, dir: Direction, a: SchemaView, b: SchemaView): void {
  if (!a.variants && !b.variants) return;
  const at = { base: a.node, rev: b.node };
  const request = dir === 'request';
  const discA = a.discriminator?.propertyName;
  const discB = b.discriminator?.propertyName;
  const al = a.variants?.list ?? [];
  const bl = b.variants?.list ?? [];
  const aKeys = al.map((n) => variantKey(ctx.baseViews, n, discA));
  const bKeys = bl.map((n) => variantKey(ctx.revViews, n, discB));
  const exclusive = (old?: SchemaView): void => {
    const o = overlappingPair(ctx, b, old);
    if (o) ctx.add(pair, dir, 'schema.union.became-exclusive', { from: a.variants?.kind ?? 'one schema', to: 'oneOf', first: nameOf(bKeys, o[0]), second: nameOf(bKeys, o[1]) }, at);
  };
  if (a.variants && b.variants && a.variants.kind !== b.variants.kind) {
    // anyOf -> oneOf narrows (a value matching several variants is refused), oneOf -> anyOf
    // widens; variants that can never match one value together make them the same union.
    pair.compositionChanged = true;
    const o = overlappingPair(ctx, b);
    if (o) {
      const args = { from: a.variants.kind, to: b.variants.kind, first: nameOf(bKeys, o[0]), second: nameOf(bKeys, o[1]) };
      const narrows = b.variants.kind === 'oneOf';
      if (narrows === request) ctx.add(pair, dir, narrows ? 'schema.union.became-exclusive' : 'schema.union.became-inclusive', args, at);
      else ctx.add(pair, dir, 'schema.composition.changed', args, at);
    }
  } else if (request && !a.variants && b.variants?.kind === 'oneOf') exclusive(a);
  const { pairs, restA, restB } = matchVariants(ctx, al, bl, aKeys, bKeys);
  for (const [i, j] of pairs) pair.children.push(ctx.compare(al[i]!, bl[j]!, dir));
  // Inline variants that were edited: pair the leftovers by position when counts agree.
  if (restA.length && restA.length === restB.length && restA.every((i) => !aKeys[i]!.startsWith('ref:'))) {
    restA.forEach((i, n) => pair.children.push(ctx.compare(al[i]!, bl[restB[n]!]!, dir)));
    return;
  }
  if (!a.variants || !b.variants) {
    // A plain schema became a union (or the reverse): the plain one stands as a single variant.
    if (!a.variants && bl.length) {
      pair.compositionChanged = true;
      const k = variantKey(ctx.baseViews, a.node, discB);
      const j = bKeys.indexOf(k);
      bl.forEach((n, jj) => {
        if (jj !== j) ctx.add(pair, dir, 'schema.variant.added', { variant: label(bKeys[jj]!), composition: b.variants!.kind }, { base: a.node, rev: n });
      });
    } else if (!b.variants && al.length) {
      pair.compositionChanged = true;
      const k = variantKey(ctx.revViews, b.node, discA);
      const i0 = aKeys.indexOf(k);
      al.forEach((n, ii) => {
        if (ii !== i0) ctx.add(pair, dir, 'schema.variant.removed', { variant: label(aKeys[ii]!), composition: a.variants!.kind }, { base: n, rev: b.node });
      });
    }
    return;
  }
  for (const i of restA) ctx.add(pair, dir, 'schema.variant.removed', { variant: label(aKeys[i]!), composition: a.variants.kind }, { base: al[i]!, rev: b.node });
  for (const j of restB) ctx.add(pair, dir, 'schema.variant.added', { variant: label(bKeys[j]!), composition: b.variants.kind }, { base: a.node, rev: bl[j]! });
}
