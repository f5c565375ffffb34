/**
 * Test documents where each evolution has exactly one kind of place to act, nested at least
 * three levels deep, so a passing test proves the evolution reaches into the value.
 */
import type { EvolutionId } from '../../../src/fuzz/index.js';

const nest3 = (items: object): object => ({
  type: 'array',
  minItems: 1,
  maxItems: 2,
  items: { type: 'array', minItems: 1, maxItems: 2, items: { type: 'array', minItems: 1, maxItems: 2, items } },
});

const under = (keys: string[], leaf: object): object =>
  keys.reduceRight<object>((inner, key) => ({ type: 'object', required: [key], properties: { [key]: inner } }), leaf);

export const deepDocument = {
  openapi: '3.0.3',
  info: { title: 'deep evolutions', version: '1.0.0' },
  paths: {},
  components: {
    schemas: {
      Shape: {
        oneOf: [{ $ref: '#/components/schemas/Circle' }, { $ref: '#/components/schemas/Square' }],
        discriminator: {
          propertyName: 'kind',
          mapping: { circle: '#/components/schemas/Circle', square: '#/components/schemas/Square' },
        },
      },
      Circle: {
        type: 'object',
        required: ['kind', 'radius'],
        properties: { kind: { type: 'string' }, label: { type: 'integer' }, radius: { type: 'number', minimum: 0 } },
      },
      Square: {
        type: 'object',
        required: ['kind', 'side'],
        properties: { kind: { type: 'string' }, label: { type: 'integer' }, side: { type: 'number', minimum: 0 } },
      },
    },
  },
};

export interface DeepCase {
  id: EvolutionId;
  schema: object;
  /** Minimum number of path segments where the evolution acts. */
  depth: number;
}

export const deepCases: DeepCase[] = [
  {
    id: 'unknown-property',
    depth: 3,
    schema: nest3({ type: 'object', properties: { n: { type: 'integer' } } }),
  },
  {
    id: 'unknown-enum-value',
    depth: 4,
    schema: under(['a', 'b', 'c'], {
      type: 'object',
      required: ['status'],
      properties: { status: { type: 'string', enum: ['open', 'closed'] }, note: { type: 'integer' } },
    }),
  },
  {
    id: 'unknown-discriminator-value',
    depth: 3,
    schema: under(['data', 'items'], { type: 'array', minItems: 1, maxItems: 3, items: { $ref: '#/components/schemas/Shape' } }),
  },
  {
    id: 'unknown-webhook-trigger',
    depth: 3,
    schema: {
      type: 'object',
      required: ['events'],
      properties: {
        events: {
          type: 'array',
          minItems: 1,
          maxItems: 3,
          items: {
            type: 'object',
            required: ['type', 'payload'],
            properties: {
              type: { type: 'string', enum: ['message:created', 'message:deleted'] },
              payload: { type: 'object', properties: { text: { type: 'string' } } },
            },
          },
        },
      },
    },
  },
  {
    id: 'more-array-items',
    depth: 3,
    schema: under(['a', 'b', 'list'], { type: 'array', maxItems: 4, items: { type: 'integer', minimum: 0 } }),
  },
  {
    id: 'id-format',
    depth: 4,
    schema: under(['a', 'b', 'c'], { type: 'object', required: ['userId'], properties: { userId: { type: 'string', format: 'uuid' } } }),
  },
  {
    id: 'reordered-keys',
    depth: 3,
    schema: nest3({ type: 'object', required: ['x', 'y'], properties: { x: { type: 'integer' }, y: { type: 'string' } } }),
  },
  {
    id: 'unknown-error-code',
    depth: 5,
    schema: under(['a', 'b', 'errors'], {
      type: 'array',
      minItems: 1,
      maxItems: 2,
      items: { type: 'object', required: ['code'], properties: { code: { type: 'string', enum: ['not_found', 'conflict'] } } },
    }),
  },
];
