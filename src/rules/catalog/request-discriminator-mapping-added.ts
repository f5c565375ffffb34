import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-discriminator-mapping-added',
  summary: 'A discriminator value was added to a request union.',
  direction: 'request',
  area: 'schema',
  on: ['schema.discriminator.mapping-added'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'discriminator value {value} added',
});
