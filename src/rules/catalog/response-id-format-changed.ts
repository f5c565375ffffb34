import { defineRule } from '../define.js';
import { isIdPointer } from '../helpers.js';

export default defineRule({
  id: 'response-id-format-changed',
  summary: 'The format of an id or key field changed.',
  direction: 'response',
  area: 'schema',
  on: ['schema.format.changed', 'schema.format.removed', 'schema.format.added', 'schema.pattern.added', 'schema.pattern.changed', 'schema.pattern.removed'],
  when: (d) => isIdPointer((d.rev ?? d.base)!.pointer),
  priority: 10,
  verdict: { strict: 'breaking', 'tolerant-reader': 'compatible' },
  policyClause: 'id-format-and-length',
  toleratedBy: 'id-format',
  message: 'format of id field changed from {from} to {to}',
});
