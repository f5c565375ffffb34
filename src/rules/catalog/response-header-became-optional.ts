import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-header-became-optional',
  summary: 'A response header is no longer always sent.',
  direction: 'response',
  area: 'response',
  on: ['response.header.became-optional'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'response {status} header {header} became optional',
});
