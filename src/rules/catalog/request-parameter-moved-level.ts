import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-parameter-moved-level',
  summary: 'A parameter moved between the path item and the operation.',
  direction: 'request',
  area: 'parameter',
  on: ['parameter.moved-level'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: '{in} parameter {name} moved from the {from} level to the {to} level',
});
