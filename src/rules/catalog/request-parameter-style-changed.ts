import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-parameter-style-changed',
  summary: 'The serialisation (style or explode) of a parameter changed.',
  direction: 'request',
  area: 'parameter',
  on: ['parameter.style-changed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: '{keyword} of {in} parameter {name} changed from {from} to {to}',
});
