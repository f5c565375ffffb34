import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-format-removed',
  summary: 'The format of a request value was removed (accepts more).',
  direction: 'request',
  area: 'schema',
  on: ['schema.format.removed'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'format {from} removed',
});
