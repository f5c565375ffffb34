/**
 * Parameters are compared by the bytes their serialisation puts on the wire for their type: style
 * and explode changes that send the same thing are no change, those that do not are reported.
 */
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSpecs } from '../../src/check.js';
import { loadSpec } from '../../src/load/spec.js';
import { builtinPolicy } from '../../src/policy/policy.js';
import { parameterShape, wireForm, type WireInput } from '../../src/diff/parameter-wire.js';
import { tempFolder } from '../support/temp.js';

const temp = tempFolder('parameter-wire');

const STYLES: Record<string, string[]> = {
  path: ['simple', 'label', 'matrix'],
  query: ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'],
  header: ['simple'],
  cookie: ['form'],
};
const param = fc.constantFrom(...Object.keys(STYLES)).chain((where) =>
  fc.record({ in: fc.constant(where), style: fc.constantFrom(...STYLES[where]!), explode: fc.boolean() }),
);
const prefixing = (s: string): boolean => s === 'label' || s === 'matrix';

describe('wire form of a parameter', () => {
  it('a scalar is sent the same in every style but label and matrix, whatever explode says', () => {
    fc.assert(
      fc.property(param, fc.boolean(), fc.constantFrom('simple', 'form', 'spaceDelimited', 'pipeDelimited', 'deepObject'), (p, explode, other) => {
        const q: WireInput = { ...p, style: prefixing(p.style) ? p.style : other, explode };
        expect(wireForm(p, 'scalar')).toBe(wireForm(q, 'scalar'));
      }),
    );
  });

  it('label and matrix prefix a scalar: they differ from each other and from every other style', () => {
    fc.assert(
      fc.property(fc.constantFrom('label', 'matrix'), fc.constantFrom('simple', 'form', 'label', 'matrix'), fc.boolean(), fc.boolean(), (s, t, e1, e2) => {
        const same = wireForm({ in: 'path', style: s, explode: e1 }, 'scalar') === wireForm({ in: 'path', style: t, explode: e2 }, 'scalar');
        expect(same).toBe(s === t);
      }),
    );
  });

  it('explode does not change a simple-style array, and changes a form, label or matrix array and every object style but deepObject', () => {
    fc.assert(
      fc.property(param, (p) => {
        const flipped = { ...p, explode: !p.explode };
        expect(wireForm(p, 'array') === wireForm(flipped, 'array')).toBe(p.style === 'simple');
        expect(wireForm(p, 'object') === wireForm(flipped, 'object')).toBe(p.style === 'deepObject');
      }),
    );
  });

  it('a value of unknown type is compared by style and explode as written', () => {
    fc.assert(
      fc.property(param, param, (p, q) => {
        expect(wireForm(p, 'unknown') === wireForm(q, 'unknown')).toBe(p.style === q.style && p.explode === q.explode);
      }),
    );
  });

  it('content: a JSON number or a text/plain scalar reads as the plain value; a JSON string, array or object does not', () => {
    const plain = wireForm({ in: 'query', style: 'form', explode: true }, 'scalar');
    const json = (types: string[], shape: 'scalar' | 'array' | 'object'): string => wireForm({ in: 'query', style: 'form', explode: true, content: 'application/json', scalarTypes: new Set(types) }, shape);
    expect(json(['integer'], 'scalar')).toBe(plain);
    expect(json(['number', 'boolean'], 'scalar')).toBe(plain);
    expect(wireForm({ in: 'query', style: 'form', explode: true, content: 'text/plain', scalarTypes: new Set(['string']) }, 'scalar')).toBe(plain);
    expect(json(['string'], 'scalar')).not.toBe(plain);
    expect(json(['array'], 'array')).not.toBe(wireForm({ in: 'query', style: 'form', explode: true }, 'array'));
    expect(json(['object'], 'object')).not.toBe(wireForm({ in: 'query', style: 'form', explode: true }, 'object'));
  });

  it('the shape comes from the schema: type, else items or properties', () => {
    const view = (v: Partial<Parameters<typeof parameterShape>[0] & object>): Parameters<typeof parameterShape>[0] => ({ properties: new Map(), ...v }) as never;
    expect(parameterShape(view({ types: new Set(['array']) }))).toBe('array');
    expect(parameterShape(view({ types: new Set(['object']) }))).toBe('object');
    expect(parameterShape(view({ types: new Set(['string', 'integer']) }))).toBe('scalar');
    expect(parameterShape(view({ items: { value: {}, doc: undefined as never, pointer: '' } }))).toBe('array');
    expect(parameterShape(view({}))).toBe('unknown');
    expect(parameterShape(undefined)).toBe('unknown');
  });
});

describe('Swagger 2 collectionFormat against OpenAPI 3 styles', () => {
  const v2 = (format: string): string => `swagger: '2.0'
info: { title: t, version: '1' }
paths:
  /hotels:
    get:
      parameters:
        - { name: ids, in: query, type: array, items: { type: string }${format ? `, collectionFormat: ${format}` : ''} }
      responses: { '200': { description: ok } }
`;
  const v3 = (style: string, explode: boolean): string => `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /hotels:
    get:
      parameters:
        - { name: ids, in: query, style: ${style}, explode: ${explode}, schema: { type: array, items: { type: string } } }
      responses: { '200': { description: ok } }
`;
  const styleChanges = async (a: string, b: string): Promise<string[]> => {
    const r = await checkSpecs(await loadSpec(temp.write(a)), await loadSpec(temp.write(b)), { policyObject: builtinPolicy('strict'), locate: false });
    return r.changes.filter((c) => c.rule === 'request-parameter-style-changed').map((c) => c.message);
  };
  const equivalents: Array<[string, string, boolean]> = [
    ['', 'form', false],
    ['csv', 'form', false],
    ['multi', 'form', true],
    ['ssv', 'spaceDelimited', false],
    ['pipes', 'pipeDelimited', false],
  ];
  for (const [format, style, explode] of equivalents) {
    it(`collectionFormat ${format || '(default csv)'} is style ${style} explode ${explode}, and no other`, async () => {
      expect(await styleChanges(v2(format), v3(style, explode))).toEqual([]);
      for (const [, s, e] of equivalents) {
        if (s === style && e === explode) continue;
        expect((await styleChanges(v2(format), v3(s, e))).length, `${format} -> ${s} ${e}`).toBe(1);
      }
    });
  }
  it('tsv has no OpenAPI 3 equivalent', async () => {
    for (const [, s, e] of equivalents) expect((await styleChanges(v2('tsv'), v3(s, e))).length).toBe(1);
  });
});

describe('real shapes through a spec', () => {
  it('reports the switch of an object parameter to content, and says how it was and is sent', async () => {
    const dir = path.resolve(import.meta.dirname, '../../fixtures/disguised-breaks/params-schema-to-content');
    const r = await checkSpecs(await loadSpec(path.join(dir, 'base.yaml')), await loadSpec(path.join(dir, 'revision.yaml')), { policyObject: builtinPolicy('strict') });
    const hits = r.changes.filter((c) => c.rule === 'request-parameter-style-changed');
    expect(hits.map((c) => c.args['name']).sort()).toEqual(['coordinates', 'q']);
    expect(hits.find((c) => c.args['name'] === 'coordinates')?.args).toMatchObject({ keyword: 'serialisation', from: 'form exploded', to: 'content application/json' });
  });
});
