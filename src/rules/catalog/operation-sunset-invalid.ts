import { defineRule } from '../define.js';

export default defineRule({
  id: 'operation-sunset-invalid',
  summary: 'The sunset date of an operation is not a date.',
  direction: 'any',
  area: 'operation',
  on: ['operation.sunset-invalid'],
  verdict: { strict: 'review', 'tolerant-reader': 'review' },
  message: 'sunset {sunset} is not a date',
});
