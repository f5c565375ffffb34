import { defineRule } from '../define.js';

export default defineRule({
  id: 'request-required-property-added',
  summary: 'A required property was added to a request schema.',
  direction: 'request',
  area: 'schema',
  on: ['schema.property.added'],
  when: (d) => d.args['required'] === true,
  priority: 10,
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'required property {property} added',
});
