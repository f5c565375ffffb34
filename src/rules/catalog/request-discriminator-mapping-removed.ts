import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-discriminator-mapping-removed',
  summary: 'A discriminator value was removed from (or remapped in) a request union.',
  direction: 'request',
  area: 'schema',
  on: ['schema.discriminator.mapping-removed', 'schema.discriminator.mapping-changed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'discriminator value {value} removed or remapped',
});
