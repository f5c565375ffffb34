import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-property-became-read-only',
  summary: 'A request property became read-only: clients may no longer send it.',
  direction: 'request',
  area: 'schema',
  on: ['schema.read-only.added'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'property {property} became read-only',
});
