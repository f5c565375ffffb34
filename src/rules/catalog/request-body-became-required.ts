import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-body-became-required',
  summary: 'The request body became required.',
  direction: 'request',
  area: 'request-body',
  on: ['body.became-required'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'request body became required',
});
