import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-parameter-became-optional',
  summary: 'A parameter became optional.',
  direction: 'request',
  area: 'parameter',
  on: ['parameter.became-optional'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: '{in} parameter {name} became optional',
});
