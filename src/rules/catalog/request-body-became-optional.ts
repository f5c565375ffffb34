import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-body-became-optional',
  summary: 'The request body became optional.',
  direction: 'request',
  area: 'request-body',
  on: ['body.became-optional'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'request body became optional',
});
