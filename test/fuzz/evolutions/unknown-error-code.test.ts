import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentContext, getAt, parsePath } from '../../../src/fuzz/index.js';
import { unknownErrorCode } from '../../../src/fuzz/evolutions/unknown-error-code.js';
import { evolvedPairs } from '../helpers/evolve.js';

const ctx = documentContext({ openapi: '3.0.3' }, { context: 'response' });
const codes = ['bad_request', 'not_found'];
const v1 = { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code'], properties: { code: { type: 'string', enum: codes }, description: { type: 'string' } } } } };
const v2 = { type: 'object', required: ['errors'], properties: { errors: { type: 'array', minItems: 1, items: { type: 'object', required: ['code'], properties: { code: { type: 'string', enum: codes } } } } } };
const flat = { type: 'object', required: ['code', 'message'], properties: { code: { type: 'integer', enum: [40001, 40002] }, message: { type: 'string' } } };

describe('unknown-error-code', () => {
  for (const [shape, schema] of [
    ['v1 {error:{code}}', v1],
    ['v2 {errors:[{code}]}', v2],
  ] as const) {
    it(`gives the ${shape} shape an unknown code, whatever the status`, () => {
      fc.assert(
        fc.property(evolvedPairs(unknownErrorCode, schema, ctx), ({ evolved }) => {
          const next = getAt(evolved.value, parsePath(evolved.path));
          expect(evolved.path.endsWith('.code')).toBe(true);
          expect(codes).not.toContain(next);
        }),
        { numRuns: 30, seed: 1 },
      );
    });
  }

  it('changes any `code` of an error response (status >= 400), numeric codes included', () => {
    const body = { code: 40001, message: 'nope' };
    expect(unknownErrorCode.applies(body, flat, ctx)).toBe(false);
    expect(unknownErrorCode.applies(body, flat, { ...ctx, status: 200 })).toBe(false);
    const errorCtx = { ...ctx, status: 400 };
    expect(unknownErrorCode.applies(body, flat, errorCtx)).toBe(true);
    fc.assert(
      fc.property(evolvedPairs(unknownErrorCode, flat, errorCtx), ({ evolved }) => {
        const next = (evolved.value as { code: unknown }).code;
        expect(typeof next).toBe('number');
        expect([40001, 40002]).not.toContain(next);
      }),
      { numRuns: 30, seed: 2 },
    );
  });
});
