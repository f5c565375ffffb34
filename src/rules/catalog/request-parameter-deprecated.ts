import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-parameter-deprecated',
  summary: 'A parameter was marked deprecated.',
  direction: 'request',
  area: 'parameter',
  on: ['parameter.deprecated'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: '{in} parameter {name} deprecated',
});
