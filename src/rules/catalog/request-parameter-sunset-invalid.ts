import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-parameter-sunset-invalid',
  summary: 'The sunset date of a parameter is not a date.',
  direction: 'request',
  area: 'parameter',
  on: ['parameter.sunset-invalid'],
  verdict: { strict: 'review', 'tolerant-reader': 'review' },
  message: 'sunset {sunset} of {in} parameter {name} is not a date',
});
