/**
 * An object of a discriminated family becomes a variant the client has never seen: the
 * discriminator (or `type`/`kind` field shared by every branch) takes an unknown value, the
 * fields common to all variants stay, the variant-specific ones go.
 */
import fc from 'fast-check';
import { identifierArbitrary, objectFromEntries, smallJsonArbitrary } from '../arbitrary-utils.js';
import { atCandidate, type BodyEvolution, type EvolutionContext } from '../evolution.js';
import { knownValues, newWordLike } from '../evolution-helpers.js';
import { formatPath, setAt } from '../json-path.js';
import type { Schema } from '../schema-context.js';
import { viewFor, type SchemaView } from '../schema-view.js';
import { isPlainObject, locations, type Location } from '../value-walker.js';

const IMPLICIT_NAMES = ['type', 'kind'];

interface Candidate {
  loc: Location;
  property: string;
  known: Set<string>;
  /** Properties every variant declares. */
  common: Set<string>;
}

function intersect(sets: Set<string>[]): Set<string> {
  if (sets.length === 0) return new Set();
  return new Set([...sets[0]!].filter((k) => sets.every((s) => s.has(k))));
}

function family(view: SchemaView, schema: Schema): Omit<Candidate, 'loc'> | undefined {
  const flat = view.flatten(schema);
  const union = flat.unions[0];
  if (union) {
    const variants = union.branches.map((_, i) => view.flatten(view.branchSchema(schema, i)));
    const common = intersect(variants.map((v) => new Set(v.properties.keys())));
    if (union.discriminator && union.discriminator.mapping.size > 0) {
      return { property: union.discriminator.propertyName, known: new Set(union.discriminator.mapping.keys()), common };
    }
    for (const name of IMPLICIT_NAMES) {
      if (!common.has(name)) continue;
      const known = new Set<string>();
      let typed = true;
      union.branches.forEach((_, i) => {
        const values = knownValues(view, view.allOf(variants[i]!.source as object, `property:${name}`, variants[i]!.properties.get(name)!));
        if (!values) typed = false;
        else for (const v of values) if (typeof v === 'string') known.add(v);
      });
      if (typed && known.size > 0) return { property: name, known, common };
    }
    return undefined;
  }
  if (flat.inheritance) {
    return { property: flat.inheritance.propertyName, known: new Set(flat.inheritance.mapping.keys()), common: new Set(flat.properties.keys()) };
  }
  return undefined;
}

function candidates(value: unknown, schema: unknown, ctx: EvolutionContext): Candidate[] {
  const view = viewFor(ctx);
  const out: Candidate[] = [];
  for (const loc of locations(value, schema, ctx)) {
    if (!isPlainObject(loc.value) || loc.schema === undefined) continue;
    const found = family(view, loc.schema);
    if (found) out.push({ loc, ...found });
  }
  return out;
}

export const unknownDiscriminatorValue: BodyEvolution = {
  id: 'unknown-discriminator-value',
  target: 'body',
  summary: 'A polymorphic object becomes an unknown variant (new discriminator or type value).',
  applies: (value, schema, ctx) => candidates(value, schema, ctx).length > 0,
  arbitrary: (value, schema, ctx) =>
    atCandidate('unknown-discriminator-value', candidates(value, schema, ctx), ({ loc, property, known, common }) => {
      const original = loc.value as Record<string, unknown>;
      const extraKey = identifierArbitrary.filter((k) => !common.has(k) && k !== property);
      return fc.tuple(newWordLike([...known], known), fc.option(fc.tuple(extraKey, smallJsonArbitrary), { nil: undefined })).map(([next, extra]) => {
        const entries: Array<[string, unknown]> = Object.entries(original)
          .filter(([k]) => k === property || common.has(k))
          .map(([k, v]) => [k, k === property ? next : v]);
        if (!Object.prototype.hasOwnProperty.call(original, property)) entries.unshift([property, next]);
        if (extra) entries.push(extra);
        const dropped = Object.keys(original).filter((k) => k !== property && !common.has(k));
        return {
          value: setAt(value, loc.path, objectFromEntries(entries)),
          path: formatPath(loc.path),
          description:
            `unknown variant ${property}=${JSON.stringify(next)} (was ${JSON.stringify(original[property])})` +
            (dropped.length > 0 ? `, variant fields dropped: ${dropped.join(', ')}` : '') +
            (extra ? `, new field "${extra[0]}"` : ''),
        };
      });
    }),
};
