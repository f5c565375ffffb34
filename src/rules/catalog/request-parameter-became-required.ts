import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-parameter-became-required',
  summary: 'A parameter became required.',
  direction: 'request',
  area: 'parameter',
  on: ['parameter.became-required'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: '{in} parameter {name} became required',
});
