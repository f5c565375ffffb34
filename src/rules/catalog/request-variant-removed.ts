import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-variant-removed',
  summary: 'A oneOf/anyOf variant was removed from a request schema.',
  direction: 'request',
  area: 'schema',
  on: ['schema.variant.removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: '{composition} variant {variant} removed',
});
