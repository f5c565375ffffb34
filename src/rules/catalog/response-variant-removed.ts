import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-variant-removed',
  summary: 'A oneOf/anyOf variant was removed from a response.',
  direction: 'response',
  area: 'schema',
  on: ['schema.variant.removed'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: '{composition} variant {variant} removed',
});
