import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-parameter-removed',
  summary: 'A parameter was removed.',
  direction: 'request',
  area: 'parameter',
  on: ['parameter.removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'review' },
  message: '{in} parameter {name} removed',
});
