import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-enum-removed',
  summary: 'A response value is no longer restricted to an enum.',
  direction: 'response',
  area: 'schema',
  on: ['schema.enum.removed'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'review' },
  message: 'enum restriction removed (was {values})',
});
