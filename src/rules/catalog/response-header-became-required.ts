import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-header-became-required',
  summary: 'A response header is now always sent.',
  direction: 'response',
  area: 'response',
  on: ['response.header.became-required'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'response {status} header {header} became required',
});
