import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-body-removed',
  summary: 'The request body was removed.',
  direction: 'request',
  area: 'request-body',
  on: ['body.removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'review' },
  message: 'request body removed',
});
