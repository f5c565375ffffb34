import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentContext, getAt, parsePath } from '../../../src/fuzz/index.js';
import { unknownEnumValue } from '../../../src/fuzz/evolutions/unknown-enum-value.js';
import { evolvedPairs } from '../helpers/evolve.js';

const doc = {
  openapi: '3.1.0',
  components: {
    schemas: {
      Ticket: {
        type: 'object',
        required: ['status', 'tags', 'priority'],
        properties: {
          status: { type: 'string', enum: ['open', 'pending', 'closed'] },
          tags: { type: 'array', minItems: 1, items: { type: 'string', enum: ['billing', 'bug'] } },
          priority: { oneOf: [{ const: 'p1' }, { const: 'p2' }] },
          channel: { type: ['string', 'null'], enum: ['web:widget', 'web:api', null] },
          note: { type: 'string' },
        },
      },
    },
  },
};
const ctx = documentContext(doc, { context: 'response' });
const schema = { $ref: '#/components/schemas/Ticket' };
const ENUMS: Record<string, string[]> = {
  status: ['open', 'pending', 'closed'],
  tags: ['billing', 'bug'],
  priority: ['p1', 'p2'],
  channel: ['web:widget', 'web:api'],
};

describe('unknown-enum-value', () => {
  it('replaces an enum value by a string outside that enum (also in arrays and const unions)', () => {
    fc.assert(
      fc.property(evolvedPairs(unknownEnumValue, schema, ctx), ({ evolved }) => {
        const segments = parsePath(evolved.path);
        const field = String(segments[0]);
        const next = getAt(evolved.value, segments);
        expect(typeof next).toBe('string');
        expect(ENUMS[field]).toBeDefined();
        expect(ENUMS[field]).not.toContain(next);
      }),
      { numRuns: 60, seed: 3 },
    );
  });

  it('keeps the style of the enum values it replaces', () => {
    const value = { status: 'open', tags: ['bug'], priority: 'p1', channel: 'web:widget' };
    const samples = fc.sample(unknownEnumValue.arbitrary(value, schema, ctx), { numRuns: 80, seed: 9 });
    const channel = samples.filter((s) => s.path === '$.channel').map((s) => (s.value as typeof value).channel);
    expect(channel.length).toBeGreaterThan(0);
    expect(channel.some((c) => c.startsWith('web:'))).toBe(true);
  });

  it('does not apply to strings without an enum', () => {
    expect(unknownEnumValue.applies({ note: 'x' }, { type: 'object', properties: { note: { type: 'string' } } }, ctx)).toBe(false);
  });
});
