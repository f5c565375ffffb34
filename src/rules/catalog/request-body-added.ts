import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-body-added',
  summary: 'An optional request body was added.',
  direction: 'request',
  area: 'request-body',
  on: ['body.added'],
  when: (d) => d.args['required'] !== true,
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'optional request body added',
});
