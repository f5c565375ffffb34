import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-parameter-added',
  summary: 'An optional parameter was added.',
  direction: 'request',
  area: 'parameter',
  on: ['parameter.added'],
  when: (d) => d.args['required'] !== true,
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  policyClause: 'optional-request-input',
  message: 'optional {in} parameter {name} added',
});
