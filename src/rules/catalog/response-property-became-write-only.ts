import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-property-became-write-only',
  summary: 'A response property became write-only: it is no longer returned.',
  direction: 'response',
  area: 'schema',
  on: ['schema.write-only.added'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'property {property} became write-only',
});
