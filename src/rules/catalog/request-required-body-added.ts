import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-required-body-added',
  summary: 'A required request body was added.',
  direction: 'request',
  area: 'request-body',
  on: ['body.added'],
  when: (d) => d.args['required'] === true,
  priority: 10,
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'required request body added',
});
