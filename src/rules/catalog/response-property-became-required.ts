import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-property-became-required',
  summary: 'A response property is now always present.',
  direction: 'response',
  area: 'schema',
  on: ['schema.property.became-required'],
  verdict: { strict: 'compatible', 'tolerant-reader': 'compatible' },
  message: 'property {property} became required',
});
