import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-property-became-required',
  summary: 'A request property became required.',
  direction: 'request',
  area: 'schema',
  on: ['schema.property.became-required'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'property {property} became required',
});
