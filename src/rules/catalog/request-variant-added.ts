import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-variant-added',
  summary: 'A oneOf/anyOf variant was added to a request schema.',
  direction: 'request',
  area: 'schema',
  on: ['schema.variant.added'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: '{composition} variant {variant} added',
});
