import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-property-sunset-invalid',
  summary: 'The sunset date of a response schema or property is not a date.',
  direction: 'response',
  area: 'schema',
  on: ['schema.sunset.invalid'],
  verdict: { strict: 'review', 'tolerant-reader': 'review' },
  message: 'sunset {sunset} of {property} is not a date',
});
