import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-parameter-sunset-removed',
  summary: 'A deprecated parameter lost its sunset date.',
  direction: 'request',
  area: 'parameter',
  on: ['parameter.sunset-removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'review' },
  message: 'sunset date {sunset} of {in} parameter {name} removed while it stays deprecated',
});
