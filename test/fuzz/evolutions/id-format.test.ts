import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_ID_LENGTH, documentContext, getAt, parsePath } from '../../../src/fuzz/index.js';
import { idFormat, idFormatOf, isIdLikeName } from '../../../src/fuzz/evolutions/id-format.js';
import { evolvedPairs } from '../helpers/evolve.js';

const doc = {
  openapi: '3.0.3',
  components: {
    schemas: {
      Account: {
        type: 'object',
        required: ['id', 'ownerId', 'api_key', 'nested'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          ownerId: { type: 'string', pattern: '^[a-f0-9]{24}$' },
          api_key: { type: 'string', minLength: 10, maxLength: 10 },
          android: { type: 'string' },
          valid: { type: 'string' },
          nested: { type: 'object', required: ['webhookSecret'], properties: { webhookSecret: { type: 'string' } } },
        },
      },
    },
  },
};
const schema = { $ref: '#/components/schemas/Account' };

describe('id-format', () => {
  it('recognises id, key and secret names and nothing else', () => {
    for (const name of ['id', '_id', 'userId', 'appID', 'user_id', 'USER_ID', 'key', 'apiKey', 'api_key', 'secret', 'clientSecret']) {
      expect(isIdLikeName(name), name).toBe(true);
    }
    for (const name of ['android', 'valid', 'paid', 'monkey', 'identity', 'keys', 'secretary', 'idle']) {
      expect(isIdLikeName(name), name).toBe(false);
    }
  });

  for (const maxIdLength of [30, DEFAULT_MAX_ID_LENGTH]) {
    it(`gives an id another format, never longer than ${maxIdLength}`, () => {
      const ctx = { ...documentContext(doc, { context: 'response' }), maxIdLength };
      const lengths: number[] = [];
      fc.assert(
        fc.property(evolvedPairs(idFormat, schema, ctx), ({ original, evolved }) => {
          const segments = parsePath(evolved.path);
          expect(['id', 'ownerId', 'api_key', 'webhookSecret']).toContain(segments[segments.length - 1]);
          const before = getAt(original, segments) as string;
          const after = getAt(evolved.value, segments) as string;
          expect(after).not.toBe(before);
          expect(after.length).toBeLessThanOrEqual(maxIdLength);
          if (['uuid', 'hex24'].includes(idFormatOf(before))) expect(idFormatOf(after)).not.toBe(idFormatOf(before));
          lengths.push(after.length);
        }),
        { numRuns: 150, seed: 21 },
      );
      expect(Math.max(...lengths)).toBe(maxIdLength);
    });
  }
});
