import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-discriminator-mapping-removed',
  summary: 'A discriminator value was removed from (or remapped in) a response union.',
  direction: 'response',
  area: 'schema',
  on: ['schema.discriminator.mapping-removed', 'schema.discriminator.mapping-changed'],
  verdict: { strict: 'review', 'tolerant-reader': 'review' },
  message: 'discriminator value {value} removed or remapped',
});
