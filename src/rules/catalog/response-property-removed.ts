import { defineRule } from '../define.js';

export default defineRule({
  id: 'response-property-removed',
  summary: 'A required property was removed from a response or webhook payload.',
  direction: 'response',
  area: 'schema',
  on: ['schema.property.removed'],
  when: (d) => d.args['required'] === true,
  priority: 10,
  verdict: { strict: 'breaking', 'tolerant-reader': 'breaking' },
  message: 'required property {property} removed',
});
