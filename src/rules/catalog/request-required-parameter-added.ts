import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-required-parameter-added',
  summary: 'A required parameter was added.',
  direction: 'request',
  area: 'parameter',
  on: ['parameter.added'],
  when: (d) => d.args['required'] === true,
  priority: 10,
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'required {in} parameter {name} added',
});
