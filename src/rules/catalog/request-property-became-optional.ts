import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-property-became-optional',
  summary: 'A request property became optional.',
  direction: 'request',
  area: 'schema',
  on: ['schema.property.became-optional'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'property {property} became optional',
});
