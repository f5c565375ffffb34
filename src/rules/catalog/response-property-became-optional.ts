import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-property-became-optional',
  summary: 'A response property is no longer always present.',
  direction: 'response',
  area: 'schema',
  on: ['schema.property.became-optional'],
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'property {property} became optional',
});
