import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-property-sunset-invalid',
  summary: 'The sunset date of a request schema or property is not a date.',
  direction: 'request',
  area: 'schema',
  on: ['schema.sunset.invalid'],
  verdict: { strict: 'review', 'tolerant-reader': 'review' },
  message: 'sunset {sunset} of {property} is not a date',
});
